import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BusinessDate, addDays, compareDates, ruleViolated } from '@ledger/domain';
import { EVENT_STORE, EventStore, StreamRevisionConflict } from '@ledger/event-store';
import { BusinessDayCompletedData } from '../business-date/business-days.events';
import { BusinessDateStatus, LedgerBusinessDate } from '../business-date/ledger-business-date';
import { BusinessDayTally } from './business-day-tally';
import { CycleLogger, DAILY_CYCLE_OPTIONS, DailyCycleOptions, silentCycleLogger } from './daily-cycle.options';
import { READ_MODELS_FRESHNESS, ReadModelsFreshness } from './read-models-freshness.port';
import { BusinessDayReport, RunBusinessDay, RunBusinessDayResult } from './run-business-day.command';
import { SERVICING_CALENDAR, ServicingCalendar } from './servicing-calendar.port';
import { failureReason, serviceLoan } from './service-loan';

/** The read models did not reach the log in time: listing loans now could miss work due. */
export class ReadModelsBehind extends Error {
  constructor(readonly position: string) {
    super(`The read models did not reach position ${position} in time; the business day was not run`);
    this.name = 'ReadModelsBehind';
  }
}

/**
 * The daily cycle (api.md, "Operations"). Refuses a date before the business date or after
 * today in the ledger's zone; otherwise runs every date since the last completed one, in order:
 * wait for the read models, list the loans with work due, run RunServicingDay for each (a
 * failing loan is reported, the others go on), then append BusinessDayCompleted at the exact
 * revision read. Runs in this process are serialized; a concurrent run elsewhere conflicts and
 * is answered with the completed result. Every step is idempotent, so a date runs at most once.
 */
@CommandHandler(RunBusinessDay)
export class RunBusinessDayHandler implements ICommandHandler<RunBusinessDay, RunBusinessDayResult> {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly logger: CycleLogger;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly businessDate: LedgerBusinessDate,
    @Inject(SERVICING_CALENDAR) private readonly calendar: ServicingCalendar,
    @Inject(READ_MODELS_FRESHNESS) private readonly freshness: ReadModelsFreshness,
    @Optional() @Inject(DAILY_CYCLE_OPTIONS) private readonly options: DailyCycleOptions = {},
  ) {
    this.logger = options.logger ?? silentCycleLogger;
  }

  execute(command: RunBusinessDay): Promise<RunBusinessDayResult> {
    const run = this.queue.then(() => this.run(command));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run({ date, triggeredBy }: RunBusinessDay): Promise<RunBusinessDayResult> {
    const status = await this.businessDate.status();
    const today = await this.businessDate.today();
    if (compareDates(date, today) > 0) {
      throw ruleViolated('BUSINESS_DATE_IN_FUTURE', `${date} is after today (${today} in ${this.businessDate.timeZone})`);
    }
    if (compareDates(date, status.businessDate) < 0) {
      throw ruleViolated('BUSINESS_DATE_IN_PAST', `The business date is ${status.businessDate}; ${date} has passed`);
    }
    const dates = datesToRun(status, date);
    if (dates.length === 0) {
      const completed = await this.businessDate.completedOn(date);
      return { businessDate: status.businessDate, days: completed ? [{ ...completed, alreadyCompleted: true }] : [] };
    }
    const days: BusinessDayReport[] = [];
    let revision = status.revision;
    for (const day of dates) {
      days.push(await this.runDay(day, revision, triggeredBy));
      revision = (await this.businessDate.status()).revision;
    }
    return { businessDate: days[days.length - 1].date, days };
  }

  private async runDay(date: BusinessDate, expectedRevision: number, triggeredBy: string): Promise<BusinessDayReport> {
    const startedAt = this.businessDate.clockNow();
    const readModelsPosition = await this.catchUpReadModels();
    const tally = new BusinessDayTally();
    const pageSize = this.options.pageSize ?? 500;
    let cursor: string | null = null;
    do {
      const page = await this.calendar.loansWithWorkDueOn(date, pageSize, cursor);
      await this.serviceAll(page.accountNumbers, date, tally);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const day: BusinessDayCompletedData = {
      date, ...tally.counts, failures: tally.failures, readModelsPosition, startedAt, completedAt: this.businessDate.clockNow(),
    };
    try {
      await this.businessDate.complete(day, expectedRevision, triggeredBy);
    } catch (error) {
      if (!(error instanceof StreamRevisionConflict)) throw error;
      const completed = await this.businessDate.completedOn(date);
      if (!completed) throw ruleViolated('BUSINESS_DAY_RUN_CONCURRENTLY', `Another run moved the business date while ${date} ran; try again`);
      return { ...completed, alreadyCompleted: true };
    }
    this.logger.info({ ...day, failures: day.failures.length, triggeredBy }, `business day ${date} completed`);
    return { ...day, alreadyCompleted: false };
  }

  private async serviceAll(accountNumbers: readonly string[], date: BusinessDate, tally: BusinessDayTally): Promise<void> {
    const concurrency = Math.max(1, this.options.concurrency ?? 8);
    for (let start = 0; start < accountNumbers.length; start += concurrency) {
      await Promise.all(accountNumbers.slice(start, start + concurrency).map((account) => this.serviceOne(account, date, tally)));
    }
  }

  private async serviceOne(accountNumber: string, date: BusinessDate, tally: BusinessDayTally): Promise<void> {
    try {
      const result = await serviceLoan(this.store, accountNumber, date, this.businessDate.clockNow());
      tally.serviced(result.events.map((event) => event.type));
    } catch (error) {
      // One loan's failure must not keep every other borrower's statement, draft or fee from happening.
      const reason = failureReason(error);
      tally.failed(accountNumber, reason);
      this.logger.error({ loan: accountNumber, date, reason, error: error instanceof Error ? error.message : String(error) }, 'loan servicing failed');
    }
  }

  /** Waits until the read models reflect every loan and customer event written so far. */
  private async catchUpReadModels(): Promise<string | null> {
    // The head may be an operations event; the projector counts it reached once every loan and
    // customer event before it is applied.
    const head = await this.store.headPosition();
    if (head === null) return null;
    const reached = await this.freshness.waitForPosition(head, this.options.freshnessTimeoutMs ?? 30_000);
    if (!reached) throw new ReadModelsBehind(head);
    return head;
  }
}

/** The dates after the last completed one (or from the ledger's start date) up to `target`, in order. */
export function datesToRun(status: BusinessDateStatus, target: BusinessDate): BusinessDate[] {
  let next = status.lastCompleted ? addDays(status.lastCompleted.date, 1) : status.businessDate;
  const dates: BusinessDate[] = [];
  for (; compareDates(next, target) <= 0; next = addDays(next, 1)) dates.push(next);
  return dates;
}
