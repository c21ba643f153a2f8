import { Command } from '@nestjs/cqrs';
import { BusinessDate } from '@ledger/domain';
import { BusinessDayCompletedData } from '../business-date/business-days.events';

/** What the cycle did for one date; `alreadyCompleted` when an earlier run did it and this one wrote nothing. */
export type BusinessDayReport = BusinessDayCompletedData & { alreadyCompleted: boolean };

/** The answer of RunBusinessDay: one report per date run, in order, and the business date after. */
export interface RunBusinessDayResult {
  businessDate: BusinessDate;
  days: BusinessDayReport[];
}

/**
 * Run the daily cycle up to `date` (POST /v1/operations/business-days, the scheduler, the CLI):
 * every date since the last completed one, in order. `triggeredBy` is the actor recorded on the
 * BusinessDayCompleted event (an API key's name, 'scheduler' or 'cli').
 */
export class RunBusinessDay extends Command<RunBusinessDayResult> {
  constructor(
    readonly date: BusinessDate,
    readonly triggeredBy: string,
  ) {
    super();
  }
}
