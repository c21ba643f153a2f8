import { ChainBreakReason, EventStore, GlobalPosition, RecordedEvent, streamRevision, verifyChain } from '@ledger/event-store';

export type ChainScope = { streamId: string } | { all: true };

export interface ChainReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** The first link that does not hold, in log order (stream order for one stream). */
  brokenAt?: { streamId: string; revision: number; eventId: string; position?: GlobalPosition };
  reason?: ChainBreakReason;
}

export interface ChainOptions {
  pageSize?: number;
  onProgress?: (progress: { checked: number; position: GlobalPosition | null; head: GlobalPosition | null }) => void;
}

/**
 * Proves the log untouched: recomputes every event's hash and checks that each points at its
 * predecessor's (libs/event-store tamper-evidence). Pages through the log in constant memory per
 * stream: the last event of each stream is carried into the next page, so a link that crosses a
 * page boundary is checked like any other. Read through a store opened without upcasters.
 */
export async function verifyLogChain(eventStore: EventStore, scope: ChainScope, options: ChainOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 1000;
  const head = await eventStore.headPosition();
  const lastByStream = new Map<string, RecordedEvent>();
  let checked = 0;
  let cursor: { revision: number } | { position: GlobalPosition | undefined } = 'streamId' in scope ? { revision: 0 } : { position: undefined };
  for (;;) {
    const page =
      'streamId' in scope && 'revision' in cursor
        ? await eventStore.readStream(scope.streamId, { fromRevision: streamRevision(cursor.revision), limit: pageSize })
        : await eventStore.readAll({ afterPosition: 'position' in cursor ? cursor.position : undefined, limit: pageSize });
    const carried = [...new Set(page.map((event) => event.streamId))].flatMap((id) => lastByStream.get(id) ?? []);
    const verification = verifyChain([...carried, ...page]);
    if (!verification.ok) {
      const broken = page.find((event) => event.eventId === verification.brokenAt.eventId);
      return {
        ok: false, eventsChecked: checked, streamsChecked: lastByStream.size,
        brokenAt: { ...verification.brokenAt, ...(broken ? { position: broken.position } : {}) }, reason: verification.reason,
      };
    }
    for (const event of page) lastByStream.set(event.streamId, event);
    checked += page.length;
    options.onProgress?.({ checked, position: page.at(-1)?.position ?? null, head });
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    cursor = 'revision' in cursor ? { revision: last.revision + 1 } : { position: last.position };
  }
  return { ok: true, eventsChecked: checked, streamsChecked: lastByStream.size };
}
