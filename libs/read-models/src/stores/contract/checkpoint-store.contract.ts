import { CheckpointStore } from '../checkpoint-store.port';
import { p } from './contract-fixtures';

/** Checkpoints, active versions and statuses: the behaviour every adapter shares. */
export const describeCheckpointStoreContract = (
  name: string,
  create: () => Promise<{ checkpoints: CheckpointStore; close(): Promise<void> }>,
): void => {
  describe(`${name} checkpoint store`, () => {
    let storage: { checkpoints: CheckpointStore; close(): Promise<void> };
    let checkpoints: CheckpointStore;

    beforeEach(async () => {
      storage = await create();
      checkpoints = storage.checkpoints;
    });
    afterEach(() => storage.close());

    it('has no checkpoint before the first store', async () => {
      expect(await checkpoints.get('balance_v1')).toBeNull();
    });

    it('stores from nothing, then from the expected position', async () => {
      expect(await checkpoints.compareAndSet('balance_v1', null, p(3))).toEqual({ status: 'STORED' });
      expect(await checkpoints.compareAndSet('balance_v1', p(3), p(10))).toEqual({ status: 'STORED' });
      expect(await checkpoints.get('balance_v1')).toBe(p(10));
    });

    it('answers MISMATCH when the stored checkpoint is behind or elsewhere', async () => {
      await checkpoints.compareAndSet('balance_v1', null, p(3));
      expect(await checkpoints.compareAndSet('balance_v1', p(2), p(5))).toEqual({ status: 'MISMATCH', current: p(3) });
      expect(await checkpoints.compareAndSet('history_v1', p(2), p(5))).toEqual({ status: 'MISMATCH', current: null });
      expect(await checkpoints.get('balance_v1')).toBe(p(3));
    });

    it('answers CURRENT_AHEAD when the stored checkpoint is at or past the new position', async () => {
      await checkpoints.compareAndSet('balance_v1', null, p(8));
      expect(await checkpoints.compareAndSet('balance_v1', p(2), p(8))).toEqual({ status: 'CURRENT_AHEAD', current: p(8) });
      expect(await checkpoints.compareAndSet('balance_v1', null, p(5))).toEqual({ status: 'CURRENT_AHEAD', current: p(8) });
    });

    it('compares positions as numbers, not as text', async () => {
      await checkpoints.compareAndSet('balance_v1', null, p('10000000000000000000'));
      const result = await checkpoints.compareAndSet('balance_v1', p(9), p('9999999999999999999'));
      expect(result).toEqual({ status: 'CURRENT_AHEAD', current: '10000000000000000000' });
    });

    it('refuses to move a checkpoint backwards', async () => {
      await expect(checkpoints.compareAndSet('balance_v1', p(5), p(4))).rejects.toThrow(/forward/);
    });

    it('keeps checkpoints apart by name and forgets one on delete', async () => {
      await checkpoints.compareAndSet('balance_v1', null, p(3));
      await checkpoints.compareAndSet('balance_v2', null, p(4));
      await checkpoints.delete('balance_v1');
      expect(await checkpoints.get('balance_v1')).toBeNull();
      expect(await checkpoints.get('balance_v2')).toBe(p(4));
    });

    it('records which version serves queries', async () => {
      expect(await checkpoints.getActiveVersion('balance')).toBeNull();
      await checkpoints.setActiveVersion('balance', 1);
      await checkpoints.setActiveVersion('balance', 2);
      expect(await checkpoints.getActiveVersion('balance')).toBe(2);
    });

    it('records a status per projection version, the latest winning', async () => {
      const running = { projection: 'balance', version: 1, state: 'running' as const, position: p(3), updatedAt: '2025-01-01T00:00:00.000Z' };
      const failed = { ...running, state: 'failed' as const, position: p(4), error: 'evolve threw' };
      const rebuilding = { ...running, version: 2, state: 'rebuilding' as const, position: null };
      await checkpoints.setStatus(running);
      await checkpoints.setStatus(failed);
      await checkpoints.setStatus(rebuilding);
      expect(await checkpoints.getStatus('balance', 1)).toEqual(failed);
      expect(await checkpoints.getStatus('balance', 3)).toBeNull();
      expect(await checkpoints.listStatuses()).toEqual([failed, rebuilding]);
    });
  });
};
