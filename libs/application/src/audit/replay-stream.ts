import { notFound } from '@ledger/domain';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { parseAuditInstant, streamKindOf } from './audit-streams';

/** One event the replay folded, as an auditor cites it. */
export interface AppliedEvent {
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
}

export interface ReplayedStream {
  streamId: string;
  /** The instant replayed to (normalised to UTC), or null for "everything recorded". */
  asOf: string | null;
  /** The revision of the last event folded, or null when none was recorded by `asOf`. */
  revision: number | null;
  /** The decider's state as JSON: amounts and rates as strings (Money and Apr serialise so). */
  state: unknown;
  events: AppliedEvent[];
}

export interface ReplayOptions {
  /** ISO-8601 instant: fold only the events recorded at or before it. */
  asOf?: string;
}

/**
 * Rebuilds a loan or customer stream's state as it was at an instant, by folding the stream's
 * events recorded by then with the domain's own decider (the one the command side uses). A stream
 * that has no events at all is NotFound; one that existed only later replays to its initial state.
 */
export async function replayStream(eventStore: EventStore, streamId: string, options: ReplayOptions = {}): Promise<ReplayedStream> {
  streamKindOf(streamId); // refuses a non-ledger stream before any read
  const asOf = options.asOf === undefined ? null : parseAuditInstant(options.asOf);
  const events = await eventStore.readStream(streamId, asOf === null ? {} : { recordedAtOrBefore: asOf });
  if (events.length === 0 && (await eventStore.readStream(streamId, { limit: 1 })).length === 0) {
    throw notFound('STREAM_NOT_FOUND', `Stream ${streamId} has no events`);
  }
  return {
    streamId,
    asOf,
    revision: events.at(-1)?.revision ?? null,
    state: toJson(foldRecorded(streamId, events)),
    events: events.map(appliedEvent),
  };
}

/** Folds recorded events of one stream with the decider its prefix names. */
export function foldRecorded(streamId: string, events: readonly RecordedEvent[]): unknown {
  const kind = streamKindOf(streamId);
  return events.reduce((state, event) => kind.evolve(state, event), kind.initialState());
}

/** The JSON form of a state: class instances (Money, Apr) become their strings, undefined fields vanish. */
export const toJson = (state: unknown): unknown => JSON.parse(JSON.stringify(state)) as unknown;

export const appliedEvent = (event: RecordedEvent): AppliedEvent => ({
  revision: event.revision,
  eventId: event.eventId,
  type: event.type,
  recordedAt: event.metadata.recordedAt,
});
