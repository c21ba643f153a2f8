import { ExpectedRevision, NewEvent, RecordedEvent, StreamRevision, streamRevision } from '../event-envelope';
import { EventStoreRequestRejected, StreamRevisionConflict } from '../event-store.errors';
import { eventHash, GENESIS_HASH } from '../tamper-evidence/event-hash';

/** The last event of a stream, as far as the next append needs it. */
export interface StreamTip {
  revision: number;
  hash: string;
  recordedAt: string;
}

export type RecordedWithoutPosition = Omit<RecordedEvent, 'position'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses what no adapter can store, identically in all of them (EventStoreDB needs UUID ids). */
export const validateNewEvents = (events: readonly NewEvent[]): void => {
  const reject = (message: string): never => {
    throw new EventStoreRequestRejected('INVALID_EVENT', message);
  };
  if (events.length === 0) reject('An append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) reject(`Event id is not a UUID: ${event.eventId}`);
    if (ids.has(event.eventId)) reject(`Event id appears twice in one append: ${event.eventId}`);
    if (!event.type) reject('Event without a type');
    ids.add(event.eventId);
  }
};

/**
 * Stamps what the store owns: eventId, recordedAt and the hash chain. recordedAt never goes
 * backwards within a stream (a clock step back is absorbed), so "the stream up to an instant" is
 * always a prefix of the stream.
 */
export const recordNewEvents = (
  streamId: string,
  events: readonly NewEvent[],
  tip: StreamTip | undefined,
  now: Date,
): RecordedWithoutPosition[] => {
  const nowText = now.toISOString();
  const recordedAt = tip && tip.recordedAt > nowText ? tip.recordedAt : nowText;
  let previousHash = tip ? tip.hash : GENESIS_HASH;
  let revision = tip ? tip.revision : -1;
  return events.map((event) => {
    revision += 1;
    const hash = eventHash({ streamId, revision, type: event.type, data: event.data, previousHash });
    const recorded: RecordedWithoutPosition = {
      streamId,
      revision: streamRevision(revision),
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, eventId: event.eventId, recordedAt, previousHash, hash },
    };
    previousHash = hash;
    return recorded;
  });
};

export type ExpectationOutcome = { kind: 'append' } | { kind: 'replay'; lastRevision: StreamRevision };

/**
 * Decides an append against the stream's actual revision: go ahead, answer an idempotent retry
 * (the same ids already sit exactly where this append expected to put them), or conflict.
 */
export const checkExpectation = (
  streamId: string,
  expected: ExpectedRevision,
  actual: number | undefined,
  eventIds: readonly string[],
  storedIdsAt: (fromRevision: number, count: number) => string[],
): ExpectationOutcome => {
  const firstRevision = expected === 'no_stream' ? 0 : expected + 1;
  if ((actual ?? -1) === firstRevision - 1) return { kind: 'append' };
  const lastRevision = firstRevision + eventIds.length - 1;
  if (actual !== undefined && actual >= lastRevision) {
    const stored = storedIdsAt(firstRevision, eventIds.length);
    if (stored.every((id, index) => id === eventIds[index])) {
      return { kind: 'replay', lastRevision: streamRevision(lastRevision) };
    }
  }
  throw new StreamRevisionConflict(streamId, expected, actual === undefined ? 'no_stream' : streamRevision(actual));
};

/** An ISO-8601 instant in the store's own form (toISOString), so string order is time order. */
export const normalizeInstant = (instant: string): string => {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) throw new EventStoreRequestRejected('INVALID_EVENT', `Not an instant: ${instant}`);
  return time.toISOString();
};

export const matchesPrefixes = (streamId: string, prefixes: readonly string[] | undefined): boolean =>
  !prefixes || prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));
