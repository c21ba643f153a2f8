import { EventStore } from '@ledger/event-store';
import { checkLoanBalances } from './balance-invariants';
import {
  checkIdempotencyKeysOneEffect,
  checkRevisionsContiguous,
  checkSettledAtMostOnce,
  InvariantViolation,
  readWholeLog,
} from './log-invariants';
import { checkReadModels, ReadSide } from './read-model-invariants';

export type { InvariantViolation } from './log-invariants';

export interface InvariantReport {
  events: number;
  streams: number;
  violations: InvariantViolation[];
}

/**
 * The checks every proof run ends with (issue 7): balances to the cent three ways, each payment
 * settled at most once, one effect per idempotency key, contiguous revisions, and, when the read
 * side is given, read models equal to a replay with every position applied once.
 */
export async function checkAllInvariants(store: EventStore, readSide?: ReadSide): Promise<InvariantReport> {
  const log = await readWholeLog(store);
  const violations = [
    ...checkRevisionsContiguous(log),
    ...checkSettledAtMostOnce(log),
    ...checkIdempotencyKeysOneEffect(log),
    ...(await checkLoanBalances(store, log, readSide?.readStore)),
    ...(readSide === undefined ? [] : await checkReadModels(store, readSide)),
  ];
  return { events: log.length, streams: new Set(log.map((event) => event.streamId)).size, violations };
}

/** One line per violation, for a failing test or the proof report. */
export const describeViolations = (violations: readonly InvariantViolation[]): string =>
  violations
    .map((violation) => `${violation.invariant} ${violation.subject}: ${violation.detail}`)
    .join('\n');
