import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommit } from '@ledger/sqlite';
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

describe('sealed records in the embedded file', () => {
  const sealed = (fundingSourceId: string): SealedFundingSource => ({
    fundingSourceId,
    last4: '6789',
    keyId: 'k1',
    iv: 'aXY=',
    ciphertext: 'Y2lwaGVy',
    authTag: 'dGFn',
    createdAt: new Date().toISOString(),
  });
  let dir: string;
  let db: Database.Database;
  let observer: Database.Database;
  const idsOnDisk = () => observer.prepare('SELECT funding_source_id FROM funding_sources ORDER BY 1').pluck().all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
    db = new Database(join(dir, 'ledger-api.sqlite'));
    db.pragma('journal_mode = WAL');
    observer = new Database(join(dir, 'ledger-api.sqlite'));
  });
  afterEach(() => {
    observer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are on disk, for another connection to read, once insert resolves', async () => {
    const repository = new SqliteSealedFundingSources(db);
    await repository.insert(sealed('fs_1'));
    expect(idsOnDisk()).toEqual(['fs_1']);
  });

  it('of concurrent requests share one commit', async () => {
    let commits = 0;
    const repository = new SqliteSealedFundingSources(db, new GroupCommit(db, { onCommitted: () => (commits += 1) }));
    await Promise.all(['fs_1', 'fs_2', 'fs_3'].map((id) => repository.insert(sealed(id))));
    expect(commits).toBe(1);
    expect(idsOnDisk()).toEqual(['fs_1', 'fs_2', 'fs_3']);
  });

  it('refuses a duplicate id alone, and the others of its commit are kept', async () => {
    const repository = new SqliteSealedFundingSources(db);
    await repository.insert(sealed('fs_1'));
    const results = await Promise.allSettled([repository.insert(sealed('fs_1')), repository.insert(sealed('fs_2'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(idsOnDisk()).toEqual(['fs_1', 'fs_2']);
  });
});
