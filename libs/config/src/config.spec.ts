import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerConfigError, loadLedgerConfig, parseApiKeys, parseVaultKey } from './index';

const SECRET = 's3cret-s3cret-s3cret';
let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const load = (env: Record<string, string>) => loadLedgerConfig({ LEDGER_DATA_DIR: dataDir, ...env });
const configured = { LEDGER_API_KEYS: `ops:${SECRET}:operations`, LEDGER_VAULT_KEY: 'ab'.repeat(32) };

describe('an environment with nothing set', () => {
  it('uses the documented defaults', () => {
    const config = load({});
    expect(config).toMatchObject({ port: 3000, timeZone: 'America/New_York', logLevel: 'info', dataDir });
    expect(config.eventStoreUrl).toBeUndefined();
    expect(config.readStoreUrl).toBeUndefined();
  });

  it('creates a local API key with every scope in a 0600 file', () => {
    const config = load({});
    const path = join(dataDir, 'local-api-key');
    expect(config.apiKeysSource).toBe('local-file');
    expect(config.apiKeys[0].secret).toBe(readFileSync(path, 'utf8').trim());
    expect([...config.apiKeys[0].scopes].sort()).toEqual(['audit', 'commands', 'operations', 'queries']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reuses the local API key and vault key on the next start', () => {
    const first = load({});
    const second = load({});
    expect(second.apiKeys[0].secret).toBe(first.apiKeys[0].secret);
    expect(second.vaultKey.equals(first.vaultKey)).toBe(true);
  });

  it('says where the key is without printing the secret', () => {
    const config = load({});
    const text = config.startupNotices.map((notice) => notice.message).join('\n');
    expect(text).toContain(join(dataDir, 'local-api-key'));
    expect(text).not.toContain(config.apiKeys[0].secret);
  });

  it('generates a 32-byte vault key in a 0600 file and warns that production must set one', () => {
    const config = load({});
    expect(config.vaultKey).toHaveLength(32);
    expect(statSync(join(dataDir, 'vault.key')).mode & 0o777).toBe(0o600);
    expect(config.startupNotices).toContainEqual(expect.objectContaining({ level: 'warn' }));
  });
});

describe('a configured environment', () => {
  it('reads every variable', () => {
    const config = load({
      ...configured,
      PORT: '8080',
      LEDGER_TIME_ZONE: 'America/Chicago',
      LEDGER_EVENT_STORE_URL: 'esdb://localhost:2113?tls=false',
      LEDGER_READ_STORE_URL: 'mongodb://localhost:27017/ledger',
      LEDGER_LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ port: 8080, timeZone: 'America/Chicago', logLevel: 'debug', apiKeysSource: 'environment' });
    expect(config.eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(config.readStoreUrl).toBe('mongodb://localhost:27017/ledger');
    expect(config.startupNotices).toEqual([]);
  });

  it('accepts a base64 vault key', () => {
    const key = Buffer.alloc(32, 7);
    expect(parseVaultKey(key.toString('base64')).equals(key)).toBe(true);
  });
});

describe('a misconfigured environment stops startup naming the variable', () => {
  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LEDGER_TIME_ZONE', 'Mars/Olympus_Mons'],
    ['LEDGER_LOG_LEVEL', 'loud'],
    ['LEDGER_EVENT_STORE_URL', 'http://localhost:2113'],
    ['LEDGER_READ_STORE_URL', 'postgres://localhost'],
    ['LEDGER_VAULT_KEY', 'too-short'],
    ['LEDGER_VAULT_KEY', 'ab'.repeat(31)],
    ['LEDGER_API_KEYS', ';;'],
  ])('%s=%s', (variable, raw) => {
    expect(() => load({ ...configured, [variable]: raw })).toThrow(
      expect.objectContaining({ name: 'LedgerConfigError', variable }),
    );
  });
});

describe('LEDGER_API_KEYS', () => {
  it('parses several keys with several scopes', () => {
    const keys = parseApiKeys(`svc:${SECRET}:commands,queries; auditor:${SECRET}-2:audit`);
    expect(keys.map((key) => [key.name, [...key.scopes]])).toEqual([
      ['svc', ['commands', 'queries']],
      ['auditor', ['audit']],
    ]);
  });

  it.each([
    ['a missing part', `svc:${SECRET}`],
    ['an unknown scope', `svc:${SECRET}:commands,admin`],
    ['an empty scope list', `svc:${SECRET}:`],
    ['a short secret', 'svc:short:commands'],
    ['a bad name', `s v c:${SECRET}:commands`],
    ['a repeated name', `svc:${SECRET}:commands;svc:${SECRET}-2:queries`],
    ['a repeated secret', `a:${SECRET}:commands;b:${SECRET}:queries`],
  ])('refuses %s', (_case, raw) => {
    expect(() => parseApiKeys(raw)).toThrow(LedgerConfigError);
  });

  it('never repeats a secret in its error message', () => {
    expect(() => parseApiKeys(`svc:${SECRET}:admin`)).toThrow(expect.not.objectContaining({ message: expect.stringContaining(SECRET) }));
  });
});
