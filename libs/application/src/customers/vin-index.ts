import { Inject, Injectable } from '@nestjs/common';
import { LoanOpenedData } from '@ledger/domain';
import { EVENT_STORE, EventStore, GlobalPosition } from '@ledger/event-store';

/** One loan opened on a vehicle: a VIN can carry several loans over the years (a refinance). */
export interface LoanOfVehicle {
  readonly accountNumber: string;
  readonly customerId: string;
}

const PAGE_SIZE = 1000;

/**
 * VIN -> loans, for "link a vehicle by VIN". Decision: a tiny index kept in memory and caught up
 * from the event log itself (LoanOpened events of `loan-` streams, from the last position it
 * read), on every look-up. The log is the only thing written, so the index can never disagree
 * with it: no dual write from OpenLoan that a crash could leave half done, no table to migrate,
 * and it works the same on SQLite and EventStoreDB. The price is one scan of the loan streams
 * per process start, on the first look-up; a read model can replace it when one holds VINs.
 */
@Injectable()
export class VinIndex {
  private readonly loansByVin = new Map<string, LoanOfVehicle[]>();
  private checkpoint: GlobalPosition | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every loan opened on this VIN, oldest first (VINs compare in upper case). */
  async loansOf(vin: string): Promise<readonly LoanOfVehicle[]> {
    await this.catchUp();
    return this.loansByVin.get(vin.toUpperCase()) ?? [];
  }

  /**
   * Catch-ups run one after another: each look-up reads from where the previous one stopped, and
   * one that starts after a loan was opened always sees it (joining a catch-up already under way
   * might not).
   */
  private catchUp(): Promise<void> {
    const next = this.tail.then(() => this.readNewEvents());
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        afterPosition: this.checkpoint,
        streamPrefixes: ['loan-'],
        limit: PAGE_SIZE,
      });
      for (const event of page) {
        if (event.type !== 'LoanOpened') continue;
        const data = event.data as unknown as LoanOpenedData;
        const vin = data.vehicle.vin.toUpperCase();
        this.loansByVin.set(vin, [
          ...(this.loansByVin.get(vin) ?? []),
          { accountNumber: data.accountNumber, customerId: data.customerId },
        ]);
      }
      if (page.length === 0) return;
      this.checkpoint = page[page.length - 1].position;
      if (page.length < PAGE_SIZE) return;
    }
  }
}
