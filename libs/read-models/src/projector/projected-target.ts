import { compareGlobalPositions, EventStore, GlobalPosition } from '@ledger/event-store';

const PAGE_SIZE = 256;

/** The stream prefixes projectors follow (events.md, "Streams"). */
export const PROJECTED_STREAM_PREFIXES: readonly string[] = ['loan-', 'customer-'];

/**
 * Read-your-writes asks "do the read models reflect position P?". Checkpoints only move when a
 * projected event (a `loan-` or `customer-` stream) is applied, so a P written to another stream
 * (the business-day log, say) would never be "reached". The honest question is whether the last
 * projected event at or before P is applied: this finds it, scanning forward from the lowest
 * checkpoint. Null means no projected event lies in (after, P], so P is already reflected.
 */
export async function lastProjectedPositionAtOrBefore(
  eventStore: EventStore,
  streamPrefixes: readonly string[],
  after: GlobalPosition | null,
  position: GlobalPosition,
): Promise<GlobalPosition | null> {
  let last: GlobalPosition | null = null;
  let cursor = after ?? undefined;
  if (cursor !== undefined && compareGlobalPositions(cursor, position) >= 0) return null;
  for (;;) {
    const page = await eventStore.readAll({ afterPosition: cursor, streamPrefixes, limit: PAGE_SIZE });
    for (const event of page) {
      if (compareGlobalPositions(event.position, position) > 0) return last;
      last = event.position;
    }
    if (page.length < PAGE_SIZE) return last;
    cursor = page[page.length - 1].position;
  }
}
