import { compareGlobalPositions, EventStore, GlobalPosition } from '@ledger/event-store';
import { documentKey, FoldedDocuments, foldProjection } from '../event-views/reference-fold';
import { collectionName, Projection } from '../projection';
import { CheckpointStore, checkpointName } from '../stores/checkpoint-store.port';
import { ReadStore } from '../stores/read-store.port';
import { asStoredJson, diffDocuments, FieldDifference } from './document-diff';

/** The read side as verify needs it: the documents and the checkpoint that says how far they reflect the log. */
export interface VerifiedStorage {
  readStore: ReadStore;
  checkpoints: CheckpointStore;
}

export interface VerifyProgress {
  projection: string;
  eventsRead: number;
  position: GlobalPosition | null;
  /** The position the rebuild stops at (the checkpoint). */
  target: GlobalPosition | null;
}

export interface VerifyOptions {
  /** Verify only up to here; never beyond the projection's checkpoint. */
  upToPosition?: GlobalPosition;
  /** The projector's subscription filter; the same default. */
  streamPrefixes?: readonly string[];
  pageSize?: number;
  /** Stop listing discrepancies after this many (the count is still exact up to that point). */
  maxDiscrepancies?: number;
  onProgress?: (progress: VerifyProgress) => void;
}

/**
 * A document the read store holds differently from the log: CHANGED lists each differing field;
 * MISSING (the log says it exists) and EXTRA (the log never made it) carry one difference at
 * path '' with the whole document.
 */
export interface DocumentDiscrepancy {
  /** The projection's own collection name (e.g. 'loans'), not the physical one. */
  collection: string;
  id: string;
  kind: 'CHANGED' | 'MISSING' | 'EXTRA';
  differences: FieldDifference[];
}

export interface ProjectionVerification {
  projection: string;
  /** The version verified: the one this code builds. */
  version: number;
  /** The version serving queries, or null before the first build. */
  activeVersion: number | null;
  /** The last position of the log, to tell a lagging projection from a wrong one. */
  headPosition: GlobalPosition | null;
  /** Both sides were compared as of this position (the checkpoint, or upToPosition below it). */
  verifiedUpTo: GlobalPosition | null;
  eventsFolded: number;
  documentsCompared: number;
  /** Documents the projector changed after `verifiedUpTo` while verify ran: not comparable. */
  documentsSkipped: number;
  ok: boolean;
  discrepancies: DocumentDiscrepancy[];
  /** True when more discrepancies exist than `maxDiscrepancies`. */
  truncated: boolean;
}

const DEFAULT_PREFIXES = ['loan-', 'customer-'];

/**
 * The auditor (STYLE.md rule 11): rebuilds one projection from the log in memory with the
 * reference fold (straight through `evolve`, no projector, batching or store in between), and
 * diffs it against the documents the projector wrote, as of the projection's checkpoint.
 * Shared by `POST /v1/audit/projections/{name}/verify` and `ledger verify`.
 */
export async function verifyProjection(
  eventStore: EventStore,
  storage: VerifiedStorage,
  projection: Projection,
  options: VerifyOptions = {},
): Promise<ProjectionVerification> {
  const activeVersion = await storage.checkpoints.getActiveVersion(projection.name);
  const checkpoint = await storage.checkpoints.get(checkpointName(projection.name, projection.version));
  const verifiedUpTo = lowest(checkpoint, options.upToPosition ?? null);
  const { documents, eventsFolded } = await rebuildInMemory(eventStore, projection, verifiedUpTo, options);
  const comparison = await compareWithStore(storage.readStore, projection, documents, verifiedUpTo, options.maxDiscrepancies ?? 1000);
  return {
    projection: projection.name,
    version: projection.version,
    activeVersion,
    headPosition: await eventStore.headPosition(),
    verifiedUpTo,
    eventsFolded,
    ...comparison,
    ok: comparison.discrepancies.length === 0,
  };
}

/** The earlier of two positions; null (nothing projected yet) is the earliest of all. */
const lowest = (checkpoint: GlobalPosition | null, limit: GlobalPosition | null): GlobalPosition | null => {
  if (checkpoint === null || limit === null) return limit === null ? checkpoint : null;
  return compareGlobalPositions(limit, checkpoint) < 0 ? limit : checkpoint;
};

/** Pages through the global log up to `upTo` and folds it; memory grows with documents, not events. */
async function rebuildInMemory(
  eventStore: EventStore,
  projection: Projection,
  upTo: GlobalPosition | null,
  options: VerifyOptions,
): Promise<{ documents: FoldedDocuments; eventsFolded: number }> {
  let documents: FoldedDocuments = new Map();
  let eventsFolded = 0;
  let after: GlobalPosition | undefined;
  // 1,000-event pages keep each page in V8's young generation; 10,000 made reading GC-bound (docs/benchmarks.md).
  const pageSize = options.pageSize ?? 1000;
  while (upTo !== null) {
    const page = await eventStore.readAll({ afterPosition: after, limit: pageSize, streamPrefixes: options.streamPrefixes ?? DEFAULT_PREFIXES });
    const inRange = page.filter((event) => compareGlobalPositions(event.position, upTo) <= 0);
    documents = foldProjection(projection, inRange, documents);
    eventsFolded += inRange.length;
    after = page.at(-1)?.position;
    options.onProgress?.({ projection: projection.name, eventsRead: eventsFolded, position: inRange.at(-1)?.position ?? after ?? null, target: upTo });
    if (page.length < pageSize || inRange.length < page.length) break;
  }
  return { documents, eventsFolded };
}

type Comparison = Pick<ProjectionVerification, 'documentsCompared' | 'documentsSkipped' | 'discrepancies' | 'truncated'>;

/** Walks every stored document of the verified version, then names the rebuilt ones never met. */
async function compareWithStore(
  readStore: ReadStore,
  projection: Projection,
  documents: FoldedDocuments,
  upTo: GlobalPosition | null,
  maxDiscrepancies: number,
): Promise<Comparison> {
  const result: Comparison = { documentsCompared: 0, documentsSkipped: 0, discrepancies: [], truncated: false };
  const report = (discrepancy: DocumentDiscrepancy) => {
    if (result.discrepancies.length < maxDiscrepancies) result.discrepancies.push(discrepancy);
    else result.truncated = true;
  };
  const met = new Set<string>();
  for (const { name: collection } of projection.collections) {
    const physical = collectionName(projection.name, projection.version, collection);
    let after: string | undefined;
    do {
      const page = await readStore.find(physical, { limit: 1000, after });
      for (const stored of page.documents) {
        const key = documentKey(collection, stored.id);
        met.add(key);
        if (upTo === null || compareGlobalPositions(stored.position, upTo) > 0) {
          // Written after the checkpoint we read: the projector moved on while we verified.
          if (upTo !== null) result.documentsSkipped += 1;
          else report({ collection, id: stored.id, kind: 'EXTRA', differences: [{ path: '', expected: undefined, actual: stored.document }] });
          continue;
        }
        result.documentsCompared += 1;
        const expected = documents.get(key);
        if (expected === undefined) {
          report({ collection, id: stored.id, kind: 'EXTRA', differences: [{ path: '', expected: undefined, actual: stored.document }] });
          continue;
        }
        const differences = diffDocuments(asStoredJson(expected), stored.document);
        if (differences.length > 0) report({ collection, id: stored.id, kind: 'CHANGED', differences });
      }
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
  }
  for (const [key, expected] of documents) {
    if (met.has(key)) continue;
    const [collection, ...id] = key.split('/');
    report({ collection, id: id.join('/'), kind: 'MISSING', differences: [{ path: '', expected: asStoredJson(expected), actual: undefined }] });
  }
  return result;
}
