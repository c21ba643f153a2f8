import { MongoClient } from 'mongodb';
import type { ReadModelStorage } from '../open-read-store';
import { MongoCheckpointStore } from './mongo-checkpoint-store';
import { MongoReadStore } from './mongo-read-store';

const DEFAULT_DATABASE = 'ledger';

/** The database named in the URL's path, else 'ledger'. */
export const databaseNameFromUrl = (url: string): string => {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(url);
  const name = match ? decodeURIComponent(match[1]) : '';
  return name === '' ? DEFAULT_DATABASE : name;
};

/**
 * Connects to MongoDB. Atomic batches need a replica set (transactions); `databaseName`
 * overrides the URL's, which lets tests use a fresh database per run.
 */
export const openMongoStorage = async (url: string, databaseName?: string): Promise<ReadModelStorage> => {
  // ignoreUndefined: documents are stored in their JSON form (undefined members absent), as the
  // SQLite store and verify-projection's diff hold them; the driver's default writes them as null.
  const client = new MongoClient(url, { ignoreUndefined: true });
  await client.connect();
  const db = client.db(databaseName ?? databaseNameFromUrl(url));
  const readStore = new MongoReadStore(client, db);
  return { readStore, checkpoints: new MongoCheckpointStore(db, readStore), close: () => readStore.close() };
};
