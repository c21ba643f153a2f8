import {
  Apr,
  CustomerCommand,
  CustomerEvent,
  FundingSource,
  LoanCommand,
  LoanEvent,
  Money,
  OpenLoan,
  addDays,
  customerDecider,
  fold,
  loanDecider,
  parseAccountNumber,
  parseBusinessDate,
  parseCustomerId,
  parseInstant,
  parsePaymentId,
} from '@ledger/domain';
import { RecordedEvent, globalPosition, streamRevision } from '@ledger/event-store';

/*
 * Test-only givens for the read-model specs: a global log in memory where loan and customer
 * streams interleave, with the real deciders producing the facts (so every balance in an event
 * is what the domain would record). Only *.spec.ts files import this module.
 */

export const ACCOUNT = '12345678901';
export const CUSTOMER = 'C-1001';
export const FUNDING: FundingSource = { fundingSourceId: 'fs-1', fundingLast4: '6789' };
export const d = parseBusinessDate;
const context = (on: string) => ({ businessDate: d(on), now: parseInstant(`${on}T12:00:00.000Z`) });

/** The standard loan: 25,000.00 at 6.49 % over 60 months, opened 2026-01-10, first due 2026-02-24 (installment 489.04). */
export const openLoan = (accountNumber = ACCOUNT, overrides: Partial<OpenLoan['data']> = {}): LoanCommand => ({
  type: 'OpenLoan',
  data: {
    accountNumber: parseAccountNumber(accountNumber), customerId: CUSTOMER,
    vehicle: { vin: '1HGCM82633A004352', year: 2024, make: 'Honda', model: 'Accord' },
    principal: Money.parse('25000.00'), apr: Apr.parse('6.49'), termMonths: 60,
    originationDate: d('2026-01-10'), firstPaymentDate: d('2026-02-24'), titleState: 'TX',
    ...overrides,
  },
});

export const schedule = (paymentId: string, amount: string, scheduledFor: string): LoanCommand => ({
  type: 'SchedulePayment',
  data: { paymentId: parsePaymentId(paymentId), amount: Money.parse(amount), scheduledFor: d(scheduledFor), fundingSource: FUNDING },
});

/** A global log of recorded events, appended stream by stream as the real store would number them. */
export class Journal {
  readonly events: RecordedEvent[] = [];

  append(streamId: string, facts: ReadonlyArray<{ type: string; data: object }>, on = '2026-01-10'): RecordedEvent[] {
    const start = this.events.filter((event) => event.streamId === streamId).length;
    const recorded = facts.map((fact, index): RecordedEvent => {
      const position = this.events.length + index + 1;
      return {
        streamId, revision: streamRevision(start + index), position: globalPosition(position), eventId: `event-${position}`,
        type: fact.type, data: fact.data as Record<string, unknown>,
        metadata: {
          schemaVersion: 1, occurredAt: `${on}T12:00:00.000Z`, correlationId: 'c', causationId: 'c', actor: 'test',
          eventId: `event-${position}`, recordedAt: `${on}T12:00:00.000Z`, previousHash: '', hash: '',
        },
      };
    });
    this.events.push(...recorded);
    return recorded;
  }

  loanEvents(accountNumber = ACCOUNT): LoanEvent[] {
    return this.events.filter((event) => event.streamId === `loan-${accountNumber}`) as unknown as LoanEvent[];
  }

  /** Decides a loan command on the stream's current state and records what it decided. */
  loan(command: LoanCommand, on: string, accountNumber = ACCOUNT): RecordedEvent[] {
    const state = fold(loanDecider, this.loanEvents(accountNumber));
    return this.append(`loan-${accountNumber}`, loanDecider.decide(command, state, context(on)), on);
  }

  customer(command: CustomerCommand, on: string, customerId = CUSTOMER): RecordedEvent[] {
    const streamId = `customer-${customerId}`;
    const past = this.events.filter((event) => event.streamId === streamId) as unknown as CustomerEvent[];
    return this.append(streamId, customerDecider.decide(command, fold(customerDecider, past), context(on)), on);
  }

  /** A one-time debit scheduled, submitted and settled the same day. */
  pay(paymentId: string, amount: string, on: string, accountNumber = ACCOUNT): this {
    this.loan(schedule(paymentId, amount, on), on, accountNumber);
    this.loan({ type: 'SubmitPayment', data: { paymentId: parsePaymentId(paymentId) } }, on, accountNumber);
    this.loan({ type: 'SettlePayment', data: { paymentId: parsePaymentId(paymentId), settledOn: d(on) } }, on, accountNumber);
    return this;
  }

  /** Runs the daily cycle for every date from `from` to `to`, inclusive. */
  days(from: string, to: string, accountNumber = ACCOUNT): this {
    for (let date = d(from); date <= d(to); date = addDays(date, 1)) {
      this.loan({ type: 'RunServicingDay', data: { date } }, date, accountNumber);
    }
    return this;
  }

  registerCustomer(on = '2026-01-05', customerId = CUSTOMER): this {
    this.customer({
      type: 'RegisterCustomer',
      data: { customerId: parseCustomerId(customerId), name: 'Ana López', email: 'ana@example.com', mobile: '+12025550143', ssnHash: 'scrypt$N=16384,r=8,p=1$c2FsdA$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    }, on, customerId);
    return this;
  }
}
