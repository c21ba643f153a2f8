import { GlobalPosition, globalPosition } from '@ledger/event-store';
import { CheckpointResult } from '../checkpoint-store.port';
import { CollectionDefinition, DocumentChange, ReadStore } from '../read-store.port';
import type { ReadModelStorage } from '../open-read-store';

export type CreateStorage = () => Promise<ReadModelStorage>;

export const p = (value: number | string | bigint): GlobalPosition => globalPosition(value);

/** A payment-like collection: one unique field, one plain index, one compound index. */
export const paymentsDefinition = (name: string): CollectionDefinition => ({
  name,
  indexes: [
    { fields: [{ field: 'status', direction: 'asc' }] },
    { fields: [{ field: 'reference', direction: 'asc' }], unique: true },
    {
      fields: [
        { field: 'loan.accountNumber', direction: 'asc' },
        { field: 'scheduledFor', direction: 'desc' },
      ],
    },
  ],
});

export const upsert = (collection: string, id: string, document: Record<string, unknown>, position: number | string): DocumentChange => ({
  op: 'upsert',
  collection,
  id,
  document,
  position: p(position),
});

export const remove = (collection: string, id: string, position: number | string): DocumentChange => ({
  op: 'delete',
  collection,
  id,
  position: p(position),
});

/**
 * Writes batches under one checkpoint that moves by one per successful batch, so tests can talk
 * about document positions without managing the checkpoint.
 */
export class BatchWriter {
  private checkpoint: GlobalPosition | null = null;

  constructor(
    private readonly store: ReadStore,
    readonly name = 'contract_v1',
  ) {}

  async write(...changes: DocumentChange[]): Promise<CheckpointResult> {
    const position = p(this.checkpoint === null ? 1 : BigInt(this.checkpoint) + 1n);
    const result = await this.store.applyBatch({ changes, checkpoint: { name: this.name, expected: this.checkpoint, position } });
    if (result.status === 'STORED') this.checkpoint = position;
    return result;
  }
}
