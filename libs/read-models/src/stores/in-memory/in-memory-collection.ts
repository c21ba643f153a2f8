import { GlobalPosition } from '@ledger/event-store';
import { CollectionDefinition, DocumentBody, IndexDefinition } from '../read-store.port';
import { ReadStoreError } from '../read-store.errors';
import { readField } from '../keyset';

/** A stored row: a live document, or a tombstone (document null) that still guards its position. */
export interface MemoryEntry {
  position: GlobalPosition;
  key: string;
  document: DocumentBody | null;
}

interface UniqueIndex {
  definition: IndexDefinition;
  owners: Map<string, string>;
}

/**
 * One collection's documents with its unique indexes kept as maps, so uniqueness costs a lookup.
 * Like SQLite, a document with a null or missing unique field is not constrained.
 */
export class MemoryCollection {
  readonly entries = new Map<string, MemoryEntry>();
  private readonly uniques: UniqueIndex[];

  constructor(readonly definition: CollectionDefinition) {
    this.uniques = definition.indexes
      .filter((index) => index.unique)
      .map((index) => ({ definition: index, owners: new Map<string, string>() }));
  }

  /** Replaces the entry of `id` (undefined removes it), enforcing unique indexes first. */
  put(id: string, entry: MemoryEntry | undefined): void {
    const previous = this.entries.get(id);
    const nextKeys = this.uniques.map((index) => uniqueKey(index.definition, entry?.document ?? null));
    this.uniques.forEach((index, position) => {
      const key = nextKeys[position];
      const owner = key === null ? undefined : index.owners.get(key);
      if (owner !== undefined && owner !== id) {
        throw new ReadStoreError('UNIQUE_VIOLATION', `${this.definition.name}: ${key} already belongs to ${owner}`);
      }
    });
    this.uniques.forEach((index, position) => {
      const oldKey = uniqueKey(index.definition, previous?.document ?? null);
      if (oldKey !== null) index.owners.delete(oldKey);
      const key = nextKeys[position];
      if (key !== null) index.owners.set(key, id);
    });
    if (entry === undefined) this.entries.delete(id);
    else this.entries.set(id, entry);
  }
}

const uniqueKey = (index: IndexDefinition, document: DocumentBody | null): string | null => {
  if (document === null) return null;
  const values = index.fields.map((field) => readField(document, field.field));
  return values.some((value) => value === null) ? null : JSON.stringify(values);
};
