import { InMemoryCheckpointState, InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { InMemoryReadStore } from './in-memory-read-store';
import type { ReadModelStorage } from '../open-read-store';

/** A fresh, empty read store and checkpoint store sharing one memory. */
export const openInMemoryStorage = (): ReadModelStorage => {
  const state = new InMemoryCheckpointState();
  const readStore = new InMemoryReadStore(state);
  const checkpoints = new InMemoryCheckpointStore(state, (name, expected, position) =>
    readStore.applyBatch({ changes: [], checkpoint: { name, expected, position } }),
  );
  return { readStore, checkpoints, close: () => readStore.close() };
};
