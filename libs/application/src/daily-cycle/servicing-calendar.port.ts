import { BusinessDate } from '@ledger/domain';

/** One page of the loans with servicing work due on a date. */
export interface LoansWithWorkDuePage {
  accountNumbers: string[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/**
 * The index of loans with work due on a date (statement, draft, reminder, submission, late fee),
 * kept by the servicing-calendar read model, so the cycle never reads every loan stream.
 * A loan listed with nothing due is harmless: RunServicingDay decides nothing for it.
 */
export interface ServicingCalendar {
  loansWithWorkDueOn(date: BusinessDate, limit: number, cursor: string | null): Promise<LoansWithWorkDuePage>;
}

/** Nest token of the ServicingCalendar port. */
export const SERVICING_CALENDAR = Symbol('ServicingCalendar');
