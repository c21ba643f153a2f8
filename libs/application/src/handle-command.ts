import { Decider, DomainError } from '@ledger/domain';
import {
  EventStore,
  EventStoreRequestRejected,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  StreamRevisionConflict,
  streamRevision,
} from '@ledger/event-store';
import { CommandMetadata, CommandResult } from './command-result';
import { eventIdFor } from './event-ids';
import { StreamStateCache } from './stream-state-cache';

/** A domain event as deciders produce it: a wire type and its JSON data. */
export interface DomainEvent {
  type: string;
  data: object;
}

/** A decider plus what the application needs to store its events. */
export interface StreamDecider<State, Event extends DomainEvent> {
  evolve: Decider<unknown, Event, State, unknown>['evolve'];
  initialState: () => State;
  schemaVersionOf: (type: string) => number;
}

export interface HandleCommandOptions<State> {
  cache?: StreamStateCache<State>;
  /** Attempts on a revision conflict when the caller did not send If-Match. */
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Loads a stream, folds it, decides, and appends with the revision it read (STYLE.md rule 2).
 * On a conflict it decides again on the newer state, a bounded number of times; with If-Match
 * it refuses instead (RevisionConflict, 412). A refused decision (DomainError) writes nothing.
 * A retried request whose events are already in the stream (crash between append and response)
 * answers the original result instead of deciding twice.
 */
export async function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  decider: StreamDecider<State, Event>,
  streamId: string,
  decide: (state: State) => Event[],
  metadata: CommandMetadata,
  options: HandleCommandOptions<State> = {},
): Promise<CommandResult> {
  const maxAttempts = metadata.expectedRevision === undefined ? (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) : 1;
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, decider, streamId, options.cache);
    const earlier = findEarlierResult(streamId, loaded.newEvents, metadata);
    if (earlier) return earlier;
    checkIfMatch(streamId, loaded.revision, metadata.expectedRevision);

    let events: Event[];
    try {
      events = decide(loaded.state);
    } catch (refusal) {
      const earlier = await earlierResultInWholeStream(store, streamId, metadata, loaded);
      if (earlier) return earlier;
      throw refusal;
    }
    if (events.length === 0) {
      return { streamId, revision: loaded.revision, position: loaded.lastPosition, events: [] };
    }
    const expected: ExpectedRevision = loaded.revision === null ? 'no_stream' : streamRevision(loaded.revision);
    try {
      const written = await store.append(streamId, toNewEvents(streamId, events, decider, metadata), expected);
      options.cache?.set(
        streamId,
        written.revision,
        events.reduce(decider.evolve, loaded.state),
        written.position,
      );
      return {
        streamId,
        revision: written.revision,
        position: written.position,
        events: written.eventIds.map((eventId, index) => ({ eventId, type: events[index].type })),
      };
    } catch (error) {
      if (error instanceof EventStoreRequestRejected && error.reason === 'INVALID_EVENT') {
        // Our key-derived event ids are already stored: the first attempt went through.
        const earlier = await earlierResultInWholeStream(store, streamId, metadata, loaded);
        if (earlier) return earlier;
      }
      if (!(error instanceof StreamRevisionConflict)) throw error;
      options.cache?.forget(streamId);
      if (attempt >= maxAttempts) {
        throw new DomainError('RevisionConflict', 'STREAM_CHANGED_CONCURRENTLY', `${streamId} kept changing; try again`);
      }
    }
  }
}

interface LoadedStream<State> {
  state: State;
  revision: number | null;
  lastPosition: string | null;
  /** The events read by this load (all of them on a cache miss). */
  newEvents: RecordedEvent[];
}

/** Folds a stream, starting from the cached state when there is one. */
export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<StreamDecider<State, Event>, 'evolve' | 'initialState'>,
  streamId: string,
  cache?: StreamStateCache<State>,
): Promise<LoadedStream<State>> {
  const cached = cache?.get(streamId);
  const newEvents = await store.readStream(
    streamId,
    cached ? { fromRevision: streamRevision(cached.revision + 1) } : {},
  );
  const state = newEvents.reduce(
    (current, recorded) => decider.evolve(current, { type: recorded.type, data: recorded.data } as unknown as Event),
    cached ? cached.state : decider.initialState(),
  );
  const last = newEvents[newEvents.length - 1];
  const revision = last ? last.revision : (cached?.revision ?? null);
  const lastPosition = last ? last.position : (cached?.lastPosition ?? null);
  if (cache && revision !== null) cache.set(streamId, revision, state, lastPosition);
  return { state, revision, lastPosition, newEvents };
}

/**
 * A keyed command that the latest state refuses (or whose key-derived ids the store already holds)
 * may be the retry of an attempt whose append committed before a crash lost its answer. A warm
 * state cache means the load read only the newest events, so look for the key in the whole stream
 * before answering with the refusal: refusals are rare, and this read only happens then.
 * Returns the earlier result, or null when the stream holds no event of this key.
 */
async function earlierResultInWholeStream(
  store: EventStore,
  streamId: string,
  metadata: CommandMetadata,
  loaded: LoadedStream<unknown>,
): Promise<CommandResult | null> {
  if (metadata.idempotencyKey === undefined || loaded.revision === null) return null;
  const whole = loaded.newEvents.length === loaded.revision + 1 ? loaded.newEvents : await store.readStream(streamId);
  return findEarlierResult(streamId, whole, metadata);
}

function checkIfMatch(streamId: string, actual: number | null, expected: CommandMetadata['expectedRevision']): void {
  if (expected === undefined) return;
  const matches = expected === 'no_stream' ? actual === null : actual === expected;
  if (!matches) {
    throw new DomainError(
      'RevisionConflict',
      'IF_MATCH_FAILED',
      `${streamId} is at revision ${actual ?? 'none'}, not ${expected}`,
    );
  }
}

function findEarlierResult(streamId: string, events: RecordedEvent[], metadata: CommandMetadata): CommandResult | null {
  if (metadata.idempotencyKey === undefined) return null;
  const mine = events.filter(
    (event) => event.metadata.idempotencyKey === metadata.idempotencyKey && event.metadata.actor === metadata.actor,
  );
  if (mine.length === 0) return null;
  const last = mine[mine.length - 1];
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: mine.map((event) => ({ eventId: event.eventId, type: event.type })),
  };
}

function toNewEvents<Event extends DomainEvent>(
  streamId: string,
  events: Event[],
  decider: Pick<StreamDecider<unknown, Event>, 'schemaVersionOf'>,
  metadata: CommandMetadata,
): NewEvent[] {
  return events.map((event, index) => ({
    eventId: eventIdFor(streamId, index, metadata.idempotencyKey),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      schemaVersion: decider.schemaVersionOf(event.type),
      occurredAt: metadata.occurredAt,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      actor: metadata.actor,
      ...(metadata.idempotencyKey === undefined ? {} : { idempotencyKey: metadata.idempotencyKey }),
    },
  }));
}
