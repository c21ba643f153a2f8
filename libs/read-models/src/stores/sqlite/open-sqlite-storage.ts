import type { ReadModelStorage } from '../open-read-store';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteDatabase } from './sqlite-database';
import { SqliteReadStore } from './sqlite-read-store';

/** The embedded default: `${dataDir}/read-models.sqlite`. */
export const openSqliteStorage = async (dataDir: string): Promise<ReadModelStorage> => {
  const database = SqliteDatabase.open(dataDir);
  const readStore = new SqliteReadStore(database);
  return { readStore, checkpoints: new SqliteCheckpointStore(database, readStore), close: () => readStore.close() };
};
