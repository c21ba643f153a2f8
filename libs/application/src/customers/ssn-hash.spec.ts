import { parseSsnFormat } from '@ledger/domain';
import { hashSsn, ssnMatchesHash } from './ssn-hash';

const ssn = parseSsnFormat('123-45-6789');

describe('an SSN hashed at registration', () => {
  it('matches the same SSN, with or without dashes', async () => {
    const stored = await hashSsn(ssn);
    await expect(ssnMatchesHash(parseSsnFormat('123456789'), stored)).resolves.toBe(true);
  });

  it('does not match another SSN', async () => {
    await expect(ssnMatchesHash(parseSsnFormat('123-45-6788'), await hashSsn(ssn))).resolves.toBe(false);
  });

  it('is salted: the same SSN hashes differently for two customers', async () => {
    expect(await hashSsn(ssn)).not.toBe(await hashSsn(ssn));
  });

  it('never contains the SSN', async () => {
    const stored = await hashSsn(ssn);
    expect(stored).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('6789');
  });

  it.each([['bcrypt$abc$def'], ['scrypt$abc'], ['scrypt$c2FsdA$c2hvcnQ'], ['']])(
    'fails closed on the malformed hash %p',
    async (stored) => {
      await expect(ssnMatchesHash(ssn, stored)).resolves.toBe(false);
    },
  );
});
