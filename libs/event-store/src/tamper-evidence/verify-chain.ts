import { RecordedEvent } from '../event-envelope';
import { eventHash, GENESIS_HASH } from './event-hash';

export type ChainBreakReason = 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' | 'REVISION_GAP';

export type ChainVerification =
  | { ok: true }
  | {
      ok: false;
      brokenAt: { streamId: string; revision: number; eventId: string };
      reason: ChainBreakReason;
    };

/**
 * Recomputes every event's hash and checks each event points at its predecessor's. Events may
 * interleave several streams (a page of the global log); each stream is checked in the order
 * given, and a stream need not start at revision 0 (its first event's previousHash is trusted).
 *
 * Pass events as stored: an upcast event's data is no longer what was hashed, so verify through a
 * store opened without upcasters.
 */
export const verifyChain = (events: readonly RecordedEvent[]): ChainVerification => {
  const lastByStream = new Map<string, { revision: number; hash: string }>();
  for (const event of events) {
    const broken = (reason: ChainBreakReason): ChainVerification => ({
      ok: false,
      brokenAt: { streamId: event.streamId, revision: event.revision, eventId: event.eventId },
      reason,
    });
    const last = lastByStream.get(event.streamId);
    if (last && event.revision !== last.revision + 1) return broken('REVISION_GAP');
    const expectedPrevious = last ? last.hash : event.revision === 0 ? GENESIS_HASH : event.metadata.previousHash;
    if (event.metadata.previousHash !== expectedPrevious) return broken('PREVIOUS_HASH_MISMATCH');
    const hash = eventHash({
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      data: event.data,
      previousHash: event.metadata.previousHash,
    });
    if (hash !== event.metadata.hash) return broken('HASH_MISMATCH');
    lastByStream.set(event.streamId, { revision: event.revision, hash });
  }
  return { ok: true };
};
