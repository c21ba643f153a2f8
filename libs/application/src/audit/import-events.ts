import { invalidInput } from '@ledger/domain';
import { EventStore, NewEvent, RecordedEvent, streamRevision } from '@ledger/event-store';

export interface ImportResult {
  imported: number;
  streams: number;
}

/** The largest append the import makes; a stream's run of lines is split into appends this size. */
const MAX_BATCH = 500;

/**
 * Appends an export (JSON lines from `exportEvents`) to a store, normally an empty one: each run
 * of one stream's events becomes an append at exactly the exported revision, with the original
 * event ids and written metadata. So a partial import can simply be run again (the store answers
 * an append of the same ids at the same revision as an idempotent retry), and an import into a
 * store that already holds other events for those streams fails with StreamRevisionConflict.
 *
 * The target store re-stamps what it owns: `recordedAt` (the import's time) and the global
 * positions. The hash chain does not cover either, so every imported event must get back exactly
 * its exported hash; that is checked after each append, and a difference (an edited export) stops
 * the import naming the event.
 */
export async function importEvents(eventStore: EventStore, lines: AsyncIterable<string> | Iterable<string>): Promise<ImportResult> {
  let batch: RecordedEvent[] = [];
  const streams = new Set<string>();
  let imported = 0;
  let lineNumber = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await appendBatch(eventStore, batch);
    imported += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const event = parseLine(line, lineNumber);
    const previous = batch.at(-1);
    const continues = previous && previous.streamId === event.streamId && previous.revision + 1 === event.revision;
    if (!continues || batch.length >= MAX_BATCH) await flush();
    batch.push(event);
    streams.add(event.streamId);
  }
  await flush();
  return { imported, streams: streams.size };
}

async function appendBatch(eventStore: EventStore, batch: RecordedEvent[]): Promise<void> {
  const [first] = batch;
  const expected = first.revision === 0 ? 'no_stream' : streamRevision(first.revision - 1);
  await eventStore.append(first.streamId, batch.map(toNewEvent), expected);
  const stored = await eventStore.readStream(first.streamId, { fromRevision: first.revision, limit: batch.length });
  batch.forEach((event, index) => {
    if (stored[index]?.eventId !== event.eventId || stored[index].metadata.hash !== event.metadata.hash) {
      throw new Error(
        `Imported event ${event.eventId} (${event.streamId}@${event.revision}) does not hash as exported: the export was altered or is not from this ledger`,
      );
    }
  });
}

const toNewEvent = (event: RecordedEvent): NewEvent => {
  const { schemaVersion, occurredAt, correlationId, causationId, idempotencyKey, actor } = event.metadata;
  return {
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: { schemaVersion, occurredAt, correlationId, causationId, actor, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) },
  };
};

/** One export line, checked for the fields an append needs; anything else is InvalidInput naming the line. */
function parseLine(line: string, lineNumber: number): RecordedEvent {
  const refuse = (why: string) => invalidInput('EXPORT_LINE', `Line ${lineNumber}: ${why}`, `line ${lineNumber}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw refuse('not JSON');
  }
  const event = value as Partial<RecordedEvent> | null;
  if (typeof event !== 'object' || event === null) throw refuse('not an object');
  if (typeof event.streamId !== 'string' || typeof event.eventId !== 'string' || typeof event.type !== 'string') throw refuse('streamId, eventId and type must be strings');
  if (!Number.isSafeInteger(event.revision) || (event.revision as number) < 0) throw refuse('revision must be a non-negative integer');
  if (typeof event.data !== 'object' || event.data === null) throw refuse('data must be an object');
  if (typeof event.metadata !== 'object' || event.metadata === null || typeof event.metadata.hash !== 'string') throw refuse('metadata with its hash is required');
  return event as RecordedEvent;
}
