/** The four scopes an API key can hold (docs: spec/api.md, "Cross-cutting rules"). */
export const API_SCOPES = ['commands', 'queries', 'audit', 'operations'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** One configured API key. The secret never leaves the process except through the quickstart file. */
export interface ApiKey {
  readonly name: string;
  readonly secret: string;
  readonly scopes: ReadonlySet<ApiScope>;
}

/** A configuration value the service refuses to start with; the message names the variable. */
export class LedgerConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'LedgerConfigError';
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// Printable ASCII without ':' and ';' (the separators) and without spaces, 16 to 256 characters:
// shorter secrets are guessable, and the header value must survive HTTP unchanged.
const SECRET = /^[\x21-\x39\x3c-\x7e]{16,256}$/;
const isScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);

/**
 * Parses `LEDGER_API_KEYS`: `name:secret:scope[,scope...]` entries separated by `;`. Every error
 * names the entry by position and name only, never by its secret, because startup errors are logged.
 */
export function parseApiKeys(text: string, variable = 'LEDGER_API_KEYS'): ApiKey[] {
  const entries = text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new LedgerConfigError(variable, 'is set but holds no key');
  const keys = entries.map((entry, index) => parseEntry(entry, index + 1, variable));
  assertUnique(keys.map((key) => key.name), variable, 'name');
  assertUnique(keys.map((key) => key.secret), variable, 'secret');
  return keys;
}

function parseEntry(entry: string, position: number, variable: string): ApiKey {
  const parts = entry.split(':');
  const where = `entry ${position}`;
  if (parts.length !== 3) {
    throw new LedgerConfigError(variable, `${where} must be written name:secret:scope[,scope...]`);
  }
  const [name, secret, scopeList] = parts;
  if (!NAME.test(name)) {
    throw new LedgerConfigError(variable, `${where} has an invalid name (letters, digits, '.', '_', '-'; at most 64)`);
  }
  if (!SECRET.test(secret)) {
    throw new LedgerConfigError(
      variable,
      `${where} (${name}) has an invalid secret: 16 to 256 printable characters without spaces, ':' or ';'`,
    );
  }
  const scopes = scopeList.split(',').map((scope) => scope.trim());
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new LedgerConfigError(
      variable,
      `${where} (${name}) has unknown scopes [${unknown.join(', ')}]; allowed: ${API_SCOPES.join(', ')}`,
    );
  }
  return { name, secret, scopes: new Set(scopes.filter(isScope)) };
}

function assertUnique(values: string[], variable: string, what: 'name' | 'secret'): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) throw new LedgerConfigError(variable, `entry ${index + 1} repeats an earlier ${what}`);
    seen.add(value);
  });
}
