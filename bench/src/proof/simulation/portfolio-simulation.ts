import { createHash } from 'node:crypto';
import { handleCommand, LOAN_STREAM } from '@ledger/application';
import { BusinessDate, Instant, isDomainError, LoanCommand, loanDecider } from '@ledger/domain';
import { EventStoreUnavailable, InMemoryEventStore } from '@ledger/event-store';
import { addDays } from '../ledger-setup';
import { checkLoanBalances } from '../balance-invariants';
import {
  checkIdempotencyKeysOneEffect,
  checkRevisionsContiguous,
  checkSettledAtMostOnce,
  InvariantViolation,
  readWholeLog,
} from '../log-invariants';
import { AppendFault, FaultCounts, FaultyEventStore, seededRandom } from './faulty-event-store';
import { LoanMemory, nextStep, openLoanCommand } from './simulated-commands';

export interface SimulationOptions {
  seed: number;
  loans: number;
  clients: number;
  stepsPerClient: number;
  /** Probability of each append failing before, and after, it is written. */
  faultRate: number;
}

export interface SimulationResult {
  seed: number;
  /** Every command's outcome in the order it finished: equal traces mean an exact replay. */
  trace: string[];
  /** SHA-256 of the log (streams, revisions, types, data, hashes). */
  digest: string;
  faults: FaultCounts;
  events: number;
  violations: InvariantViolation[];
}

const MAX_ATTEMPTS = 20;

/**
 * A whole portfolio driven by one seed: `clients` concurrent actors send business steps to
 * random loans while the simulated clock moves forward, appends fail before or after writing,
 * and every failed command is retried with its idempotency key, as the HTTP client does. The
 * seed fixes the data, the faults and the interleaving, so any failure replays exactly.
 */
export async function simulatePortfolio(options: SimulationOptions): Promise<SimulationResult> {
  const random = seededRandom(options.seed);
  const inner = new InMemoryEventStore({ now: () => new Date('2026-01-05T15:00:00.000Z') });
  const fault = (): AppendFault => {
    const roll = random();
    return roll < options.faultRate ? 'before' : roll < 2 * options.faultRate ? 'after' : 'none';
  };
  const store = new FaultyEventStore(inner, fault, () => Math.floor(random() * 4));
  const trace: string[] = [];
  let today = '2026-01-05';
  let serial = 0;
  const execute = async (accountNumber: string, command: LoanCommand, key: string): Promise<boolean> => {
    const context = { businessDate: today as BusinessDate, now: `${today}T15:00:00.000Z` as Instant };
    const metadata = {
      actor: 'simulation',
      correlationId: key,
      causationId: key,
      occurredAt: context.now,
      idempotencyKey: key,
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      try {
        await handleCommand(
          store,
          LOAN_STREAM,
          `loan-${accountNumber}`,
          (state) => loanDecider.decide(command, state, context),
          metadata,
        );
        trace.push(`${key} ${command.type} ok after ${attempt}`);
        return true;
      } catch (error: unknown) {
        if (isDomainError(error)) {
          trace.push(`${key} ${command.type} refused ${error.reason}`);
          return false;
        }
        if (!(error instanceof EventStoreUnavailable)) throw error;
      }
    }
    throw new Error(`${key} failed ${MAX_ATTEMPTS} times in a row`);
  };
  const loans: LoanMemory[] = Array.from({ length: options.loans }, (_, index) => ({
    accountNumber: String(60_000_000 + index),
    fees: [],
    settledDebits: [],
  }));
  for (const loan of loans)
    await execute(loan.accountNumber, openLoanCommand(loan.accountNumber), `open-${loan.accountNumber}`);
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let step = 0; step < options.stepsPerClient; step += 1) {
        if (random() < 0.05) today = addDays(today, 1 + Math.floor(random() * 3));
        const loan = loans[Math.floor(random() * loans.length)];
        const planned = nextStep(random, loan, today as BusinessDate, `${client}-${(serial += 1)}`);
        let completed = true;
        for (const [index, command] of planned.commands.entries()) {
          if (!completed) break;
          completed = await execute(loan.accountNumber, command, `sim-${client}-${serial}-${index}`);
        }
        if (completed) planned.remember?.();
      }
    }),
  );
  return judge(options.seed, inner, trace, store.faults);
}

async function judge(
  seed: number,
  store: InMemoryEventStore,
  trace: string[],
  faults: FaultCounts,
): Promise<SimulationResult> {
  const log = await readWholeLog(store);
  const digest = createHash('sha256')
    .update(
      JSON.stringify(
        log.map((event) => [event.streamId, event.revision, event.type, event.data, event.metadata.hash]),
      ),
    )
    .digest('hex');
  const violations = [
    ...checkRevisionsContiguous(log),
    ...checkSettledAtMostOnce(log),
    ...checkIdempotencyKeysOneEffect(log),
    ...(await checkLoanBalances(store, log)),
  ];
  return { seed, trace, digest, faults, events: log.length, violations };
}
