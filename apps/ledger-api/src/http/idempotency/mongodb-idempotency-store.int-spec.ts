import { MongoClient } from 'mongodb';
import { describeIdempotencyStoreContract } from './contract/idempotency-store.contract';
import { MongoDbIdempotencyStore } from './mongodb-idempotency-store';

const url = process.env.TEST_MONGODB_URL;

if (url === undefined || url === '') {
  it.skip('skipped: TEST_MONGODB_URL not set', () => undefined);
} else {
  const client = new MongoClient(url);
  const db = client.db(`ledger_idempotency_${process.pid}`);
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });
  describeIdempotencyStoreContract(
    'mongodb',
    async () => {
      const store = new MongoDbIdempotencyStore(db);
      await store.ensureIndexes();
      return store;
    },
    async () => {
      await db.collection('idempotency_records').deleteMany({});
    },
  );
}
