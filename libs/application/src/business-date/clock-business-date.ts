import { BusinessDate, parseBusinessDate } from '@ledger/domain';
import { BusinessDateProvider, InstantSource } from './business-date.port';

/**
 * The business date as the calendar date of "now" in the ledger's time zone: what a new ledger
 * starts at (api.md, "Operations"); LedgerBusinessDate uses it for the first date of a new ledger.
 */
export class ClockBusinessDate implements BusinessDateProvider {
  private readonly format: Intl.DateTimeFormat;

  constructor(
    private readonly clock: InstantSource,
    timeZone: string,
  ) {
    // en-CA formats dates as YYYY-MM-DD, the business date's own shape.
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  async currentBusinessDate(): Promise<BusinessDate> {
    return parseBusinessDate(this.format.format(new Date(this.clock.now())), 'businessDate');
  }
}
