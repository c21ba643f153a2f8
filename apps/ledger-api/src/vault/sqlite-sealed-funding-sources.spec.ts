import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { describeFundingSourceVaultContract } from './contract/funding-source-vault.contract';
import { EncryptingFundingSourceVault } from './encrypting-funding-source-vault';
import { SealedFundingSource, SealedFundingSourceRepository } from './funding-source-vault.port';
import { SqliteSealedFundingSources } from './sqlite-sealed-funding-sources';

describeFundingSourceVaultContract('sqlite', async () => new SqliteSealedFundingSources(new Database(':memory:')));

describe('a tampered record', () => {
  it('refuses to open when its ciphertext is moved to another id', async () => {
    const repository = new SqliteSealedFundingSources(new Database(':memory:'));
    const key = randomBytes(32);
    const vault = new EncryptingFundingSourceVault(repository, key);
    const first = await vault.store({ routingNumber: '021000021', accountNumber: '11112222' });
    const second = await vault.store({ routingNumber: '021000021', accountNumber: '33334444' });
    const stolen = (await repository.find(first.fundingSourceId)) as SealedFundingSource;
    const swapped: SealedFundingSourceRepository = {
      insert: async () => undefined,
      find: async () => ({ ...stolen, fundingSourceId: second.fundingSourceId }),
    };
    await expect(new EncryptingFundingSourceVault(swapped, key).reveal(second.fundingSourceId)).rejects.toThrow(/auth/i);
  });

  it('refuses an invalid routing number before storing anything', async () => {
    const vault = new EncryptingFundingSourceVault(new SqliteSealedFundingSources(new Database(':memory:')), randomBytes(32));
    await expect(vault.store({ routingNumber: '021000022', accountNumber: '11112222' })).rejects.toMatchObject({
      kind: 'InvalidInput',
      field: 'routingNumber',
    });
  });
});
