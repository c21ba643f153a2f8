import { MongoClient } from 'mongodb';
import { describeFundingSourceVaultContract } from './contract/funding-source-vault.contract';
import { MongoDbSealedFundingSources } from './mongodb-sealed-funding-sources';

const url = process.env.TEST_MONGODB_URL;

if (url === undefined || url === '') {
  it.skip('skipped: TEST_MONGODB_URL not set', () => undefined);
} else {
  const client = new MongoClient(url);
  const db = client.db(`ledger_vault_${process.pid}`);
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });
  describeFundingSourceVaultContract(
    'mongodb',
    async () => new MongoDbSealedFundingSources(db),
    async () => {
      await db.collection('funding_sources').deleteMany({});
    },
  );
}
