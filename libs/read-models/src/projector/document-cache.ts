import { DocumentBody, DocumentChange } from '../stores/read-store.port';

/** What the store holds for one document, as the projector last wrote it. */
export interface CachedDocument {
  document: DocumentBody | null;
  /** False after a delete: the store holds no such document. */
  stored: boolean;
}

/**
 * The documents one projection runner wrote most recently, by physical collection and id, so the
 * next batch folds them without reading and parsing them back: live batches touch the same loans
 * again and again, and reading them back was a quarter of the projector's work in a profile.
 *
 * Safe because a runner is the only writer of its version's collections: its checkpoint's
 * compare-and-set refuses a batch when another projector moved it, and the runner then clears
 * the cache before resubscribing. Documents are shared, never copied: evolve must not mutate its
 * input (Projection's contract), which the replay-equality property checks.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  /** Least recently used entries go past this many documents. */
  constructor(private readonly capacity = 10_000) {}

  get(collection: string, id: string): CachedDocument | undefined {
    const key = documentKey(collection, id);
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key); // re-inserted last: Map order is the recency order
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Records a batch the store has just committed. */
  remember(changes: readonly DocumentChange[]): void {
    for (const change of changes) {
      const key = documentKey(change.collection, change.id);
      this.entries.delete(key);
      this.entries.set(key, change.op === 'upsert' ? { document: change.document, stored: true } : { document: null, stored: false });
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One key per document across collections (the projector's working set uses it too). */
export const documentKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

