import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeCheckpointStoreContract } from '../contract/checkpoint-store.contract';
import { describeReadStoreContract } from '../contract/read-store.contract';
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
  describeCheckpointStoreContract('mongodb', createStorage);
}
