import { BusinessDate } from '@ledger/domain';

/**
 * The operations stream that holds the ledger's business date. It is an event stream, not a
 * settings row, so the date is durable on every event store adapter and each advance is auditable
 * (who ran which day, when, and what it did). Projectors subscribe to the 'loan-' and 'customer-'
 * prefixes only, so they never see it.
 */
export const BUSINESS_DAYS_STREAM = 'ledger-business-days';

/** What the daily cycle did for one date, counted from the events it wrote. */
export interface BusinessDayCounts {
  loansServiced: number;
  eventsWritten: number;
  statementsIssued: number;
  draftsScheduled: number;
  draftsSkipped: number;
  remindersSent: number;
  paymentsSubmitted: number;
  lateFeesCharged: number;
}

/** A loan whose servicing failed unexpectedly; the reason is the error's name, never its data. */
export interface BusinessDayFailure {
  accountNumber: string;
  reason: string;
}

/** The first event of a new ledger: the business date starts at today's date in its time zone. */
export interface BusinessDateStartedData {
  date: BusinessDate;
  startedAt: string;
}

/** The daily cycle of `date` finished; the business date is now `date`. */
export interface BusinessDayCompletedData extends BusinessDayCounts {
  date: BusinessDate;
  failures: BusinessDayFailure[];
  /** The last loan/customer position the read models had reached when the day was listed. */
  readModelsPosition: string | null;
  startedAt: string;
  completedAt: string;
}

export type BusinessDayEvent =
  | { type: 'BusinessDateStarted'; data: BusinessDateStartedData }
  | { type: 'BusinessDayCompleted'; data: BusinessDayCompletedData };

export const BUSINESS_DAY_EVENT_SCHEMA_VERSION = 1;
