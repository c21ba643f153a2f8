import { BusinessDate } from '@ledger/domain';
import { loansWithWorkDueOn, ReadStore } from '@ledger/read-models';
import { LoansWithWorkDuePage, ServicingCalendar } from './servicing-calendar.port';

/** The ServicingCalendar port over the servicing-calendar read model. */
export class ReadStoreServicingCalendar implements ServicingCalendar {
  constructor(private readonly store: ReadStore) {}

  loansWithWorkDueOn(date: BusinessDate, limit: number, cursor: string | null): Promise<LoansWithWorkDuePage> {
    return loansWithWorkDueOn(this.store, date, limit, cursor ?? undefined);
  }
}
