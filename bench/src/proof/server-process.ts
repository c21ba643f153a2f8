import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One secret per scope, so a test can present a key that lacks the scope a route needs. */
export const PROOF_KEYS = {
  writer: 'writer-secret-0123456789',
  reader: 'reader-secret-0123456789',
  auditor: 'auditor-secret-0123456789',
  operator: 'operator-secret-0123456789',
} as const;

export const PROOF_API_KEYS = `writer:${PROOF_KEYS.writer}:commands;reader:${PROOF_KEYS.reader}:queries;auditor:${PROOF_KEYS.auditor}:audit;operator:${PROOF_KEYS.operator}:operations`;
export const PROOF_VAULT_KEY = 'ab'.repeat(32);

/** The repository root, whether running from source (ts-jest) or from dist/. */
export const repositoryRoot = (): string => {
  const candidates = [resolve(__dirname, '../../..'), resolve(__dirname, '../../../..')];
  return candidates.find((root) => existsSync(join(root, 'package.json'))) ?? process.cwd();
};

export const builtEntry = (app: 'ledger-api' | 'projector'): string =>
  join(repositoryRoot(), 'dist', 'apps', app, 'src', 'main.js');

/** A TCP port free right now (the OS picks it; a tiny race with other processes is acceptable in tests). */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });

export const newDataDir = (prefix = 'ledger-proof-'): string => mkdtempSync(join(tmpdir(), prefix));

export interface ServerProcess {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** stderr and stdout, for a failing test's message. */
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  app?: 'ledger-api' | 'projector';
  /** Another built entry to run instead (the e2e benchmark's baseline server). */
  entry?: string;
  env?: Record<string, string>;
  /** How long to wait for /health. */
  timeoutMs?: number;
}

/**
 * Starts the built API (or projector) as a child process on a free port and waits until it
 * answers /health (any status: the process is up, whatever its checks say).
 */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const app = options.app ?? 'ledger-api';
  const entry = options.entry ?? builtEntry(app);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const port = await freePort();
  const env = {
    ...process.env,
    LEDGER_DATA_DIR: options.dataDir,
    LEDGER_API_KEYS: PROOF_API_KEYS,
    LEDGER_VAULT_KEY: PROOF_VAULT_KEY,
    LEDGER_LOG_LEVEL: 'info',
    ...(app === 'ledger-api' ? { PORT: String(port) } : { PROJECTOR_PORT: String(port) }),
    ...options.env,
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000)));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(baseUrl, child, options.timeoutMs ?? 30_000, () => output);
  return {
    baseUrl,
    dataDir: options.dataDir,
    child,
    output: () => output,
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

async function waitUntilUp(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output()}`);
    try {
      await fetch(`${baseUrl}/health`);
      return;
    } catch {
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer within ${timeoutMs} ms: ${output()}`);
}
