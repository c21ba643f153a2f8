import { parseApiKeys } from '@ledger/config';
import { ApiKeyRegistry } from './api-key-registry';

const registry = new ApiKeyRegistry(parseApiKeys('ops:ops-secret-0123456789:operations;svc:svc-secret-0123456789:commands'));

describe('the API key registry', () => {
  it('finds the key a secret belongs to', () => {
    expect(registry.find('svc-secret-0123456789')?.name).toBe('svc');
  });

  it.each([[''], ['svc-secret-012345678'], ['svc-secret-0123456789 '], ['SVC-SECRET-0123456789']])('finds nothing for %p', (secret) => {
    expect(registry.find(secret)).toBeUndefined();
  });
});
