import { randomBytes } from 'node:crypto';
import { EncryptingFundingSourceVault } from '../encrypting-funding-source-vault';
import { SealedFundingSourceRepository } from '../funding-source-vault.port';

const DETAILS = { routingNumber: '021000021', accountNumber: '000123456789', holderName: 'Ada Lovelace' };

/** What every sealed-record repository must support, exercised through the vault itself. */
export function describeFundingSourceVaultContract(
  name: string,
  createRepository: () => Promise<SealedFundingSourceRepository>,
  cleanup: () => Promise<void> = async () => undefined,
): void {
  describe(`the funding-source vault on ${name}`, () => {
    const key = randomBytes(32);
    let repository: SealedFundingSourceRepository;
    beforeEach(async () => (repository = await createRepository()));
    afterEach(cleanup);

    it('answers an id and the last four digits, and reveals the details', async () => {
      const vault = new EncryptingFundingSourceVault(repository, key);
      const reference = await vault.store(DETAILS);
      expect(reference).toEqual({ fundingSourceId: expect.stringMatching(/^fs_/), last4: '6789' });
      expect(await vault.reveal(reference.fundingSourceId)).toEqual(DETAILS);
    });

    it('stores neither the account nor the routing number in clear', async () => {
      const vault = new EncryptingFundingSourceVault(repository, key);
      const { fundingSourceId } = await vault.store(DETAILS);
      const stored = JSON.stringify(await repository.find(fundingSourceId));
      expect(stored).not.toContain(DETAILS.accountNumber);
      expect(stored).not.toContain(DETAILS.routingNumber);
      expect(stored).not.toContain(DETAILS.holderName);
    });

    it('uses a fresh IV for every record', async () => {
      const vault = new EncryptingFundingSourceVault(repository, key);
      const [a, b] = await Promise.all([vault.store(DETAILS), vault.store(DETAILS)]);
      expect((await repository.find(a.fundingSourceId))?.iv).not.toBe((await repository.find(b.fundingSourceId))?.iv);
    });

    it('answers NotFound for an unknown id', async () => {
      const vault = new EncryptingFundingSourceVault(repository, key);
      await expect(vault.reveal('fs_unknown')).rejects.toMatchObject({ kind: 'NotFound' });
    });

    it('cannot be opened with another key', async () => {
      const { fundingSourceId } = await new EncryptingFundingSourceVault(repository, key).store(DETAILS);
      await expect(new EncryptingFundingSourceVault(repository, randomBytes(32)).reveal(fundingSourceId)).rejects.toThrow();
    });
  });
}
