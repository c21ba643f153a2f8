/** How the servicing processes run in this app. */
export interface ServicingOptions {
  /** Whether the in-process scheduler runs the daily cycle (LEDGER_DAILY_CYCLE=off disables it; tests do). */
  readonly scheduler: boolean;
}

/** Nest token of the ServicingOptions. */
export const SERVICING_OPTIONS = Symbol('ServicingOptions');

/**
 * From the environment: LEDGER_DAILY_CYCLE 'on' or 'off'; unset, on, except under a test runner
 * (NODE_ENV=test, which jest sets), where a cycle at boot would write events tests do not expect.
 */
export const servicingOptionsFromEnvironment = (env: NodeJS.ProcessEnv = process.env): ServicingOptions => {
  const setting = env.LEDGER_DAILY_CYCLE?.trim().toLowerCase();
  return { scheduler: setting === undefined || setting === '' ? env.NODE_ENV !== 'test' : setting !== 'off' };
};
