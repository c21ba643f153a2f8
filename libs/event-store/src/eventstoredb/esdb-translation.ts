import {
  AllStreamResolvedEvent,
  EventData,
  jsonEvent,
  MaxAppendSizeExceededError,
  ResolvedEvent,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ExpectedRevision, globalPosition, RecordedEvent, RecordedMetadata, streamRevision } from '../event-envelope';
import { EventStoreRequestRejected, EventStoreUnavailable, StreamRevisionConflict } from '../event-store.errors';
import { RecordedWithoutPosition } from '../shared/record-events';

/**
 * The border between the port and the EventStoreDB client (STYLE.md rule 3): nothing of the
 * driver's types leaves this folder.
 */
export const toEventData = (event: RecordedWithoutPosition): EventData =>
  jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: { ...event.metadata } });

/**
 * A recorded ESDB event as our envelope. The position is the commit position (prepare equals
 * commit for single-stream appends); recordedAt is the one the adapter wrote into the metadata,
 * not the server's `created` (see EsdbEventStore).
 */
export const fromResolvedEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) throw new EventStoreUnavailable(`EventStoreDB returned no position for ${event.streamId}@${event.revision}`);
  return {
    streamId: event.streamId,
    revision: streamRevision(Number(event.revision)),
    position: globalPosition(position),
    eventId: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as RecordedMetadata,
  };
};

/** Our driver-free errors for the driver's; anything unknown means "may or may not have happened". */
export const translateAppendError = (error: unknown, streamId: string, expected: ExpectedRevision): Error => {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new StreamRevisionConflict(streamId, expected, typeof actual === 'bigint' ? streamRevision(Number(actual)) : 'no_stream');
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new EventStoreRequestRejected('APPEND_TOO_LARGE', `Append to ${streamId} exceeds the server's ${error.maxAppendSize} bytes`);
  }
  if (error instanceof StreamDeletedError) return new EventStoreRequestRejected('STREAM_DELETED', `Stream ${streamId} is deleted`);
  return translateReadError(error);
};

export const translateReadError = (error: unknown): Error => {
  if (error instanceof EventStoreRequestRejected || error instanceof EventStoreUnavailable || error instanceof StreamRevisionConflict) return error;
  if (error instanceof StreamDeletedError) return new EventStoreRequestRejected('STREAM_DELETED', error.message);
  return new EventStoreUnavailable(`EventStoreDB failed: ${error instanceof Error ? error.message : String(error)}`, error);
};
