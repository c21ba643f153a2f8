import { join } from 'node:path';
import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '@ledger/config';

/** Nest token of the service's pino logger. */
export const LEDGER_LOGGER = Symbol('LedgerLogger');
export type LedgerLogger = Logger;

// domain.md, "Sensitive data": logs never hold bank account or social security numbers. These
// fields are censored wherever they sit, up to five levels deep (fast-redact needs explicit depths).
const SENSITIVE_FIELDS = ['accountNumber', 'bankAccountNumber', 'routingNumber', 'ssn', 'password', 'secret', 'vaultKey'];
const SENSITIVE_HEADERS = ['authorization', 'cookie', 'x-api-key'];

/** Every redaction path: each sensitive field at depths 0-4, and sensitive headers wherever headers are logged. */
export const REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_FIELDS.flatMap((field) => [0, 1, 2, 3, 4].map((depth) => [...Array<string>(depth).fill('*'), field].join('.'))),
  ...SENSITIVE_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`, `*.*.headers["${header}"]`]),
];

export interface LedgerLoggerOptions {
  readonly level: LogLevel;
  /** When set, lines also go to `${dataDir}/ledger.log` (the data directory holds the logs too). */
  readonly dataDir?: string;
  /** Replaces stdout, for tests that read what was logged. */
  readonly destination?: DestinationStream;
}

/**
 * The service's structured JSON logger: one line per event on stdout (and the log file), with
 * sensitive fields censored before serialisation, so no call site can leak them by accident.
 */
export function createLedgerLogger(options: LedgerLoggerOptions): LedgerLogger {
  const streams: pino.StreamEntry[] = [{ stream: options.destination ?? process.stdout }];
  if (options.dataDir !== undefined) {
    streams.push({ stream: pino.destination({ dest: join(options.dataDir, 'ledger.log'), mkdir: true, sync: false }) });
  }
  return pino(
    {
      level: options.level,
      base: { service: 'ledger-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams.map((entry) => ({ ...entry, level: 'trace' as const }))),
  );
}
