import { CheckpointStore } from '../checkpoint-store.port';
import { ReadStore } from '../read-store.port';
import { ReadStoreError } from '../read-store.errors';
import type { ReadModelStorage } from '../open-read-store';
import { BatchWriter, CreateStorage, p, paymentsDefinition, remove, upsert } from './contract-fixtures';
import { describeReadStoreQueries } from './read-store-queries.contract';

/** The behaviour every ReadStore adapter shares (STYLE.md rule 4); adapter specs only supply storage. */
export const describeReadStoreContract = (name: string, createStorage: CreateStorage): void => {
  describe(`${name} read store`, () => {
    const payments = 'payments_v1_payments';
    let storage: ReadModelStorage;
    let store: ReadStore;
    let checkpoints: CheckpointStore;
    let writer: BatchWriter;

    beforeEach(async () => {
      storage = await createStorage();
      store = storage.readStore;
      checkpoints = storage.checkpoints;
      await store.ensureCollections([paymentsDefinition(payments)]);
      writer = new BatchWriter(store);
    });
    afterEach(() => storage.close());

    describe('when a document is upserted', () => {
      beforeEach(() => writer.write(upsert(payments, 'pay-1', { status: 'SCHEDULED', amount: '10.00' }, 5)));

      it('reads back by id with the position it reflects', async () => {
        expect(await store.get(payments, 'pay-1')).toEqual({
          id: 'pay-1',
          position: p(5),
          document: { status: 'SCHEDULED', amount: '10.00' },
        });
      });

      it('reads back among many ids, skipping unknown ones', async () => {
        const found = await store.getMany(payments, ['pay-1', 'pay-404']);
        expect(found.map((stored) => stored.id)).toEqual(['pay-1']);
      });

      it('ignores a redelivery at an older position', async () => {
        await writer.write(upsert(payments, 'pay-1', { status: 'OLD' }, 4));
        expect((await store.get(payments, 'pay-1'))?.document.status).toBe('SCHEDULED');
      });

      it('ignores a redelivery at the same position', async () => {
        await writer.write(upsert(payments, 'pay-1', { status: 'AGAIN' }, 5));
        expect((await store.get(payments, 'pay-1'))?.document.status).toBe('SCHEDULED');
      });

      it('takes a newer position', async () => {
        await writer.write(upsert(payments, 'pay-1', { status: 'SETTLED' }, 6));
        expect(await store.get(payments, 'pay-1')).toMatchObject({ position: p(6), document: { status: 'SETTLED' } });
      });

      it('is deleted by a newer delete, and an older redelivered upsert does not resurrect it', async () => {
        await writer.write(remove(payments, 'pay-1', 6));
        await writer.write(upsert(payments, 'pay-1', { status: 'SCHEDULED' }, 5));
        expect(await store.get(payments, 'pay-1')).toBeNull();
        expect((await store.find(payments)).documents).toEqual([]);
      });

      it('survives a delete at an older position', async () => {
        await writer.write(remove(payments, 'pay-1', 3));
        expect(await store.get(payments, 'pay-1')).not.toBeNull();
      });
    });

    it('reads an unknown id or collection as null', async () => {
      expect(await store.get(payments, 'nothing')).toBeNull();
      expect(await store.get('unknown_v1_things', 'nothing')).toBeNull();
    });

    it('keeps positions beyond 2^53 exact and ordered', async () => {
      await writer.write(upsert(payments, 'big', { status: 'A' }, '9007199254740993'));
      await writer.write(upsert(payments, 'big', { status: 'B' }, '10000000000000000000'));
      await writer.write(upsert(payments, 'big', { status: 'C' }, '9007199254740995'));
      expect(await store.get(payments, 'big')).toMatchObject({ position: '10000000000000000000', document: { status: 'B' } });
    });

    describe('a batch and its checkpoint', () => {
      it('moves the checkpoint with the documents', async () => {
        expect(await writer.write(upsert(payments, 'pay-1', { status: 'SCHEDULED' }, 1))).toEqual({ status: 'STORED' });
        expect(await checkpoints.get(writer.name)).toBe(p(1));
      });

      it('writes no document when the checkpoint is not where the batch expects it', async () => {
        await checkpoints.compareAndSet('other_v1', null, p(7));
        const result = await store.applyBatch({
          changes: [upsert(payments, 'pay-1', { status: 'SCHEDULED' }, 8)],
          checkpoint: { name: 'other_v1', expected: p(3), position: p(8) },
        });
        expect(result).toEqual({ status: 'MISMATCH', current: p(7) });
        expect(await store.get(payments, 'pay-1')).toBeNull();
      });

      it('writes no document when the checkpoint is already ahead (a redelivered batch)', async () => {
        await checkpoints.compareAndSet('other_v1', null, p(9));
        const result = await store.applyBatch({
          changes: [upsert(payments, 'pay-1', { status: 'SCHEDULED' }, 8)],
          checkpoint: { name: 'other_v1', expected: p(5), position: p(8) },
        });
        expect(result).toEqual({ status: 'CURRENT_AHEAD', current: p(9) });
        expect(await store.get(payments, 'pay-1')).toBeNull();
      });

      it('writes nothing when one change violates a unique index, and says so with our own error', async () => {
        await writer.write(upsert(payments, 'pay-1', { status: 'SCHEDULED', reference: 'R-1' }, 1));
        const failing = writer.write(
          upsert(payments, 'pay-2', { status: 'SCHEDULED', reference: 'R-2' }, 2),
          upsert(payments, 'pay-3', { status: 'SCHEDULED', reference: 'R-1' }, 2),
        );
        await expect(failing).rejects.toMatchObject({ name: 'ReadStoreError', reason: 'UNIQUE_VIOLATION' });
        await expect(failing).rejects.toBeInstanceOf(ReadStoreError);
        expect(await store.get(payments, 'pay-2')).toBeNull();
        expect(await checkpoints.get(writer.name)).toBe(p(1));
      });

      it('lets a document keep its unique value, and frees the value when it is deleted', async () => {
        await writer.write(upsert(payments, 'pay-1', { status: 'SCHEDULED', reference: 'R-1' }, 1));
        await writer.write(upsert(payments, 'pay-1', { status: 'SETTLED', reference: 'R-1' }, 2));
        await writer.write(remove(payments, 'pay-1', 3));
        await writer.write(upsert(payments, 'pay-2', { status: 'SCHEDULED', reference: 'R-1' }, 4));
        expect((await store.get(payments, 'pay-2'))?.document.reference).toBe('R-1');
      });
    });

    describe('versions', () => {
      const version2 = 'payments_v2_payments';

      beforeEach(async () => {
        await store.ensureCollections([paymentsDefinition(payments), paymentsDefinition(version2)]);
        await writer.write(upsert(payments, 'pay-1', { status: 'V1', reference: 'R-1' }, 1));
        await writer.write(upsert(version2, 'pay-1', { status: 'V2', reference: 'R-1' }, 1));
      });

      it('keep their documents side by side', async () => {
        expect((await store.get(payments, 'pay-1'))?.document.status).toBe('V1');
        expect((await store.get(version2, 'pay-1'))?.document.status).toBe('V2');
      });

      it('drop one version without touching the other', async () => {
        await store.dropCollections([payments]);
        expect(await store.get(payments, 'pay-1')).toBeNull();
        expect((await store.find(payments)).documents).toEqual([]);
        expect((await store.get(version2, 'pay-1'))?.document.status).toBe('V2');
      });

      it('recreate a dropped collection empty', async () => {
        await store.dropCollections([payments]);
        await store.ensureCollections([paymentsDefinition(payments)]);
        expect(await store.get(payments, 'pay-1')).toBeNull();
      });
    });
  });

  describeReadStoreQueries(name, createStorage);
};
