import { CheckpointStore } from './checkpoint-store.port';
import { ReadStore } from './read-store.port';
import { openSqliteStorage } from './sqlite/open-sqlite-storage';
import { openMongoStorage } from './mongodb/open-mongo-storage';

/** A read store and the checkpoint store that shares its database (and so its transactions). */
export interface ReadModelStorage {
  readStore: ReadStore;
  checkpoints: CheckpointStore;
  close(): Promise<void>;
}

export interface ReadStoreOptions {
  /** LEDGER_READ_STORE_URL: `mongodb://` or `mongodb+srv://` selects MongoDB; unset, the embedded SQLite file. */
  readStoreUrl?: string;
  /** LEDGER_DATA_DIR: where `read-models.sqlite` lives. */
  dataDir: string;
}

export const openReadStore = async (options: ReadStoreOptions): Promise<ReadModelStorage> => {
  const url = options.readStoreUrl?.trim();
  if (url && /^mongodb(\+srv)?:\/\//.test(url)) return openMongoStorage(url);
  if (url) throw new Error(`Unsupported read store URL (expected mongodb://...): ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  return openSqliteStorage(options.dataDir);
};
