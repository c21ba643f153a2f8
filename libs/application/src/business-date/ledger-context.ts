import { Inject, Injectable } from '@nestjs/common';
import { BusinessDate, Instant } from '@ledger/domain';
import { BUSINESS_DATE, BusinessDateProvider, InstantSource, LEDGER_NOW } from './business-date.port';

/** What every command is decided as of: the business date and the instant (LoanContext, CustomerContext). */
export interface CommandContext {
  readonly businessDate: BusinessDate;
  readonly now: Instant;
}

/**
 * Gives handlers the business date and the instant in one read, so the domain never looks at a
 * clock (STYLE.md rule 1) and a command is decided against one consistent pair.
 */
@Injectable()
export class LedgerContext {
  constructor(
    @Inject(BUSINESS_DATE) private readonly businessDate: BusinessDateProvider,
    @Inject(LEDGER_NOW) private readonly clock: InstantSource,
  ) {}

  async current(): Promise<CommandContext> {
    return { businessDate: await this.businessDate.currentBusinessDate(), now: this.clock.now() };
  }
}
