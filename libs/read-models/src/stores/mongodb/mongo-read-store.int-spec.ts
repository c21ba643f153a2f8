import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeCheckpointStoreContract } from '../contract/checkpoint-store.contract';
import { describeReadStoreContract } from '../contract/read-store.contract';
import { globalPosition } from '@ledger/event-store';
import { openMongoStorage } from './open-mongo-storage';

const url = process.env.TEST_MONGODB_URL;

if (!url) {
  it.skip('skipped: TEST_MONGODB_URL not set', () => {});
} else {
  // One database per test, all named after this run so teardown finds and drops them.
  const run = `read_models_test_${randomUUID().slice(0, 8)}`;
  let count = 0;
  const createStorage = () => openMongoStorage(url, `${run}_${(count += 1)}`);

  afterAll(async () => {
    const client = await new MongoClient(url).connect();
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    await Promise.all(databases.filter((db) => db.name.startsWith(run)).map((db) => client.db(db.name).dropDatabase()));
    await client.close();
  });

  describeReadStoreContract('mongodb', createStorage);

  // The read-store contract holds a document's JSON form (verify-projection diffs against it): a
  // member whose value is undefined is absent, as in SQLite, not stored as null.
  it('stores a member whose value is undefined as absent, not null', async () => {
    const storage = await createStorage();
    try {
      await storage.readStore.ensureCollections([{ name: 'loans', indexes: [] }]);
      await storage.readStore.applyBatch({
        changes: [{ op: 'upsert', collection: 'loans', id: 'L-1', document: { status: 'ACTIVE', channel: undefined }, position: globalPosition('7') }],
        checkpoint: { name: 'loans_v1', expected: null, position: globalPosition('7') },
      });
      const stored = await storage.readStore.get('loans', 'L-1');
      expect(stored?.document).toEqual({ status: 'ACTIVE' });
      expect(stored?.document).not.toHaveProperty('channel');
    } finally {
      await storage.close();
    }
  });
  describeCheckpointStoreContract('mongodb', createStorage);
}
