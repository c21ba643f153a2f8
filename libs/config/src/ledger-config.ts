import { resolve } from 'node:path';
import { API_SCOPES, ApiKey, LedgerConfigError, parseApiKeys } from './api-keys';
import { generateApiKeySecret, generateVaultKey, readOrCreateSecretFile } from './local-secrets';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A line the app logs once its logger exists (the config is read before there is a logger). */
export interface StartupNotice {
  readonly level: 'info' | 'warn';
  readonly message: string;
}

/** The one typed configuration shared by ledger-api, the projector and the CLI. */
export interface LedgerConfig {
  readonly port: number;
  /** Absolute path of the embedded stores, the log file and the quickstart secrets. */
  readonly dataDir: string;
  readonly apiKeys: readonly ApiKey[];
  /** 'local-file' when the quickstart key in `${dataDir}/local-api-key` is in use. */
  readonly apiKeysSource: 'environment' | 'local-file';
  /** The 32-byte AES-256 key of the funding-source vault. */
  readonly vaultKey: Buffer;
  readonly timeZone: string;
  /** `esdb://...` selects EventStoreDB; undefined selects the embedded store. */
  readonly eventStoreUrl?: string;
  /** `mongodb://...` selects MongoDB; undefined selects the embedded store. */
  readonly readStoreUrl?: string;
  readonly logLevel: LogLevel;
  readonly startupNotices: readonly StartupNotice[];
}

export type LedgerEnvironment = Readonly<Record<string, string | undefined>>;

/** File names of the quickstart secrets inside the data directory. */
export const LOCAL_API_KEY_FILE = 'local-api-key';
export const LOCAL_VAULT_KEY_FILE = 'vault.key';

/**
 * Reads and validates the environment. Throws LedgerConfigError naming the first bad variable, so
 * a misconfigured service stops at startup rather than on the first request. Unset secrets fall
 * back to files generated in the data directory (quickstart), with a notice saying so.
 */
export function loadLedgerConfig(env: LedgerEnvironment = process.env): LedgerConfig {
  const notices: StartupNotice[] = [];
  const dataDir = resolve(value(env, 'LEDGER_DATA_DIR') ?? './data');
  const { apiKeys, apiKeysSource } = readApiKeys(env, dataDir, notices);
  return {
    port: parsePort(value(env, 'PORT')),
    dataDir,
    apiKeys,
    apiKeysSource,
    vaultKey: readVaultKey(env, dataDir, notices),
    timeZone: parseTimeZone(value(env, 'LEDGER_TIME_ZONE') ?? 'America/New_York'),
    eventStoreUrl: parseUrl(env, 'LEDGER_EVENT_STORE_URL', ['esdb:', 'esdb+discover:']),
    readStoreUrl: parseUrl(env, 'LEDGER_READ_STORE_URL', ['mongodb:', 'mongodb+srv:']),
    logLevel: parseLogLevel(value(env, 'LEDGER_LOG_LEVEL') ?? 'info'),
    startupNotices: notices,
  };
}

/** An unset or blank variable counts as unset, as shells and compose files often export ''. */
const value = (env: LedgerEnvironment, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
};

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3000;
  const port = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new LedgerConfigError('PORT', `must be a TCP port 0-65535, got "${raw}"`);
  return port;
}

function readApiKeys(env: LedgerEnvironment, dataDir: string, notices: StartupNotice[]) {
  const raw = value(env, 'LEDGER_API_KEYS');
  if (raw !== undefined) return { apiKeys: parseApiKeys(raw), apiKeysSource: 'environment' as const };
  const file = readOrCreateSecretFile(dataDir, LOCAL_API_KEY_FILE, generateApiKeySecret);
  // The file holds only the secret; re-validating it catches a hand-edited file at startup.
  const [apiKey] = parseApiKeys(`local:${file.secret}:${API_SCOPES.join(',')}`, file.path);
  notices.push({
    level: 'info',
    message: `LEDGER_API_KEYS is not set: API key "local" (all scopes) ${file.created ? 'created' : 'read'} at ${file.path}; send it as "Authorization: Bearer <contents>"`,
  });
  return { apiKeys: [apiKey], apiKeysSource: 'local-file' as const };
}

function readVaultKey(env: LedgerEnvironment, dataDir: string, notices: StartupNotice[]): Buffer {
  const raw = value(env, 'LEDGER_VAULT_KEY');
  if (raw !== undefined) return parseVaultKey(raw, 'LEDGER_VAULT_KEY');
  const file = readOrCreateSecretFile(dataDir, LOCAL_VAULT_KEY_FILE, generateVaultKey);
  notices.push({
    level: 'warn',
    message: `LEDGER_VAULT_KEY is not set: the funding-source vault uses the generated key at ${file.path}; production must set LEDGER_VAULT_KEY`,
  });
  return parseVaultKey(file.secret, file.path);
}

/** A 32-byte key written as 64 hex digits or as base64 (44 characters with padding). */
export function parseVaultKey(raw: string, variable = 'LEDGER_VAULT_KEY'): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(raw)) {
    const key = Buffer.from(raw, 'base64');
    // Round-tripping refuses non-canonical base64 whose last character carries stray bits.
    if (key.length === 32 && key.toString('base64') === raw) return key;
  }
  throw new LedgerConfigError(variable, 'must be 32 bytes written as base64 (44 characters) or 64 hex digits');
}

function parseTimeZone(raw: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new LedgerConfigError('LEDGER_TIME_ZONE', `is not an IANA time zone: "${raw}"`);
  }
}

function parseUrl(env: LedgerEnvironment, name: string, protocols: readonly string[]): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new LedgerConfigError(name, 'is not a URL');
  }
  // The URL may hold a password, so errors name only the scheme.
  if (!protocols.includes(protocol)) {
    throw new LedgerConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got ${protocol}//`);
  }
  return raw;
}

function parseLogLevel(raw: string): LogLevel {
  const level = LOG_LEVELS.find((candidate) => candidate === raw.toLowerCase());
  if (!level) throw new LedgerConfigError('LEDGER_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}
