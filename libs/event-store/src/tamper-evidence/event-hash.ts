import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The previousHash of a stream's first event (revision 0): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one link of a stream's hash chain covers: the fact itself and its place in the stream. */
export interface HashedFields {
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  previousHash: string;
}

/**
 * SHA-256 (hex) over the canonical JSON of `{ streamId, revision, type, data, previousHash }`.
 * Metadata other than previousHash is left out on purpose: it is operational (ids, clocks), and
 * what an auditor must be able to trust is the sequence of facts in the stream.
 */
export const eventHash = (fields: HashedFields): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        streamId: fields.streamId,
        revision: fields.revision,
        type: fields.type,
        data: fields.data,
        previousHash: fields.previousHash,
      }),
    )
    .digest('hex');
