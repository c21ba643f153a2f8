import { BusinessDate, Instant, LoanCommand, isDomainError, loanDecider, loanStreamId, parseAccountNumber } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { CommandResult } from '../command-result';
import { uuidV5 } from '../event-ids';
import { handleCommand } from '../handle-command';
import { LOAN_STREAM } from '../loans/loan-streams';

/** The actor of every event the daily cycle decides (events.md, "Every event"). */
export const DAILY_CYCLE_ACTOR = 'daily-cycle';

/** The idempotency key of one date's servicing: a second run of the date answers the first one's events. */
export const businessDayKey = (date: BusinessDate): string => `business-day:${date}`;

/**
 * Runs RunServicingDay for one loan and one date. The loan is decided as of the date being run
 * (not the stored business date, which is still the day before while catching up).
 */
export function serviceLoan(store: EventStore, accountNumber: string, date: BusinessDate, now: Instant): Promise<CommandResult> {
  const command: LoanCommand = { type: 'RunServicingDay', data: { date } };
  const key = businessDayKey(date);
  const correlationId = uuidV5(key);
  return handleCommand(
    store,
    LOAN_STREAM,
    loanStreamId(parseAccountNumber(accountNumber)),
    (state) => loanDecider.decide(command, state, { businessDate: date, now }),
    { actor: DAILY_CYCLE_ACTOR, correlationId, causationId: correlationId, idempotencyKey: key, occurredAt: now },
  );
}

/** A failure's reason for the report: the rule or error name, never data that may be sensitive. */
export const failureReason = (error: unknown): string =>
  isDomainError(error) ? `${error.kind}:${error.reason}` : error instanceof Error ? error.name : 'Unknown';
