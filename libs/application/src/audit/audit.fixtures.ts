import fc from 'fast-check';
import { EventStore, InMemoryEventStore } from '@ledger/event-store';
import { historySteps, playHistory } from '../../../read-models/src/event-views/random-history.fixtures';

/*
 * Test-only: random loan and customer histories from the read side's generator (the real
 * deciders), appended to a store whose clock ticks one second per append, so every append has
 * its own recordedAt and "as of" instants are meaningful.
 */

export const LOANS = ['loan-10000001', 'loan-10000002'];
export const CUSTOMER = 'customer-C-7';

export const tickingClock = (start = Date.parse('2026-01-10T12:00:00.000Z')) => {
  let tick = 0;
  return () => new Date(start + 1000 * tick++);
};

export const randomHistories = (runs: number, seed: number) => fc.sample(historySteps, { numRuns: runs, seed });

export async function storeWithHistory(steps: Parameters<typeof playHistory>[1], store?: EventStore): Promise<EventStore> {
  const eventStore = store ?? new InMemoryEventStore({ now: tickingClock() });
  await playHistory(eventStore, steps);
  return eventStore;
}

/** Collects an async generator's lines. */
export async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}
