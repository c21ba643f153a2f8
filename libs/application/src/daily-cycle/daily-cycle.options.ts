/** A structured logger the cycle reports through (pino's call shape: fields first). */
export interface CycleLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Tuning of the daily cycle; every field has a default. */
export interface DailyCycleOptions {
  /** How long to wait for the read models before listing a date's loans (default 30 s). */
  freshnessTimeoutMs?: number;
  /** Loans per page of the servicing calendar (default 500). */
  pageSize?: number;
  /** Loans serviced at once (default 8): loans are independent streams. */
  concurrency?: number;
  logger?: CycleLogger;
}

/** Nest token of the DailyCycleOptions. */
export const DAILY_CYCLE_OPTIONS = Symbol('DailyCycleOptions');

export const silentCycleLogger: CycleLogger = { info: () => undefined, error: () => undefined };
