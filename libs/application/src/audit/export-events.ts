import { invalidInput } from '@ledger/domain';
import { compareGlobalPositions, EventStore, GlobalPosition, globalPosition, RecordedEvent, streamRevision } from '@ledger/event-store';

export type ExportScope =
  | { streamId: string }
  /** The whole log; `fromPosition` is inclusive, so "resume after P" is `fromPosition: P + 1`. */
  | { all: true; fromPosition?: string };

export interface ExportOptions {
  pageSize?: number;
  /** Called after each page: events written so far and the position reached. */
  onProgress?: (progress: { exported: number; position: GlobalPosition | null; head: GlobalPosition | null }) => void;
}

/**
 * The log as JSON lines, one recorded event per line with its full metadata (ids, recordedAt,
 * hashes), exactly as stored: `{ streamId, revision, position, eventId, type, data, metadata }`.
 * Paged, so memory stays constant however long the log; an `all` export stops at the head it saw
 * when it started, so it is one consistent prefix of the log even while commands keep arriving.
 */
export async function* exportEvents(eventStore: EventStore, scope: ExportScope, options: ExportOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 1000;
  const head = await eventStore.headPosition();
  let exported = 0;
  const pages = 'streamId' in scope ? streamPages(eventStore, scope.streamId, pageSize) : logPages(eventStore, scope.fromPosition, head, pageSize);
  for await (const page of pages) {
    for (const event of page) yield exportLine(event);
    exported += page.length;
    options.onProgress?.({ exported, position: page.at(-1)?.position ?? null, head });
  }
}

/** One event as its export line (no trailing newline). */
export const exportLine = (event: RecordedEvent): string =>
  JSON.stringify({
    streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.eventId,
    type: event.type, data: event.data, metadata: event.metadata,
  });

async function* streamPages(eventStore: EventStore, streamId: string, pageSize: number): AsyncGenerator<RecordedEvent[]> {
  let fromRevision = 0;
  for (;;) {
    const page = await eventStore.readStream(streamId, { fromRevision: streamRevision(fromRevision), limit: pageSize });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    fromRevision = page[page.length - 1].revision + 1;
  }
}

async function* logPages(eventStore: EventStore, fromPosition: string | undefined, head: GlobalPosition | null, pageSize: number): AsyncGenerator<RecordedEvent[]> {
  if (head === null) return;
  let after = afterPositionFor(fromPosition);
  for (;;) {
    const page = await eventStore.readAll({ afterPosition: after, limit: pageSize });
    const upToHead = page.filter((event) => compareGlobalPositions(event.position, head) <= 0);
    if (upToHead.length > 0) yield upToHead;
    if (page.length < pageSize || upToHead.length < page.length) return;
    after = page[page.length - 1].position;
  }
}

/** The exclusive `afterPosition` of an inclusive start; positions are integers in every adapter. */
function afterPositionFor(fromPosition: string | undefined): GlobalPosition | undefined {
  if (fromPosition === undefined) return undefined;
  if (!/^(0|[1-9][0-9]*)$/.test(fromPosition)) {
    throw invalidInput('POSITION_FORMAT', 'fromPosition must be a global position (a non-negative integer)', 'fromPosition');
  }
  const start = BigInt(fromPosition);
  return start === 0n ? undefined : globalPosition(start - 1n);
}
