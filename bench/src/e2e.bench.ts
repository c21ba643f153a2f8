import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchResult, withRatio } from './bench-report';
import { LedgerClient, RequestSpec } from './proof/client';
import { closedLoop, openLoop } from './proof/e2e/load-generator';
import { seedEventLog } from './proof/e2e/seed-log';
import { summarize } from './proof/latency';
import { BANK, businessDateOf, openLoan, seededLoanNumber } from './proof/ledger-setup';
import {
  newDataDir,
  PROOF_KEYS,
  repositoryRoot,
  ServerProcess,
  startServerProcess,
} from './proof/server-process';

export interface E2eBenchOptions {
  seconds?: number;
  clients?: number;
  loans?: number;
  events?: number;
}

const COMMAND_RATIO_TARGET = 0.4;
const P99_TARGET_MS = 25;

/** Alternates the two commands of a payment's life that settle without the daily cycle: schedule, and an external payment (settles at once). */
const command =
  (loans: number, businessDate: string, run: string) =>
  (sequence: number): RequestSpec => {
    const accountNumber = seededLoanNumber(sequence % loans);
    const key = `${run}-${sequence}`;
    return sequence % 2 === 0
      ? {
          method: 'POST',
          path: `/v1/loans/${accountNumber}/payments`,
          body: { paymentId: `p-${key}`, amount: '25.00', scheduledFor: businessDate, fundingSource: BANK },
          idempotencyKey: key,
        }
      : {
          method: 'POST',
          path: `/v1/loans/${accountNumber}/external-payments`,
          body: { paymentId: `p-${key}`, channel: 'MAIL', amount: '25.00', receivedOn: businessDate },
          idempotencyKey: key,
        };
  };

const rssMegabytes = (server: ServerProcess): number => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+([0-9]+) kB/.exec(status)?.[1] ?? '0') / 1024;
};

const withServer = async <T>(
  env: Record<string, string>,
  work: (server: ServerProcess) => Promise<T>,
  prepare?: (dataDir: string) => void,
): Promise<T> => {
  const dataDir = newDataDir('ledger-e2e-bench-');
  prepare?.(dataDir);
  const server = await startServerProcess({ dataDir, env, timeoutMs: 120_000 });
  try {
    return await work(server);
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The baseline: the same POST, parser and validation on a bare NestJS + Fastify app, in its own process. */
async function baselinePerSecond(loans: number, clients: number, seconds: number): Promise<number> {
  const dataDir = newDataDir('ledger-e2e-baseline-');
  const baseline = await startServerProcess({
    dataDir,
    entry: join(repositoryRoot(), 'dist/bench/src/proof/e2e/baseline-server.js'),
  });
  try {
    const client = new LedgerClient({ baseUrl: baseline.baseUrl, apiKey: 'none' });
    // Every request is the schedule POST: the baseline has no external-payment route, and both validate alike.
    const schedule = command(loans, '2026-01-05', 'baseline');
    return (
      await closedLoop(
        (spec) => client.send(spec),
        (sequence) => schedule(sequence * 2),
        clients,
        seconds,
      )
    ).perSecond;
  } finally {
    await baseline.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Through HTTP on the embedded default (SQLite, embedded projector, every command durable):
 * sustained commands/s beside the bare baseline, p99 at 70 % of that peak, balance queries/s,
 * read-your-writes delay, and resident memory with a 1,000,000-event log.
 */
export async function runE2eBenchmark(options: E2eBenchOptions = {}): Promise<BenchResult[]> {
  const seconds = options.seconds ?? 10;
  const clients = options.clients ?? 32;
  const loans = options.loans ?? 64;
  const baseline = await baselinePerSecond(loans, clients, seconds);
  const figures = await withServer({ LEDGER_PROJECTOR: 'embedded' }, async (server) => {
    const writer = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.writer, maxAttempts: 1 });
    const reader = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.reader });
    const businessDate = await businessDateOf(
      new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.operator }),
    );
    for (let index = 0; index < loans; index += 1)
      await openLoan(writer, `C-B${index}`, seededLoanNumber(index), businessDate, '500000.00');
    const peak = await closedLoop(
      (spec) => writer.send(spec),
      command(loans, businessDate, 'peak'),
      clients,
      seconds,
    );
    const paced = await openLoop(
      (spec) => writer.send(spec),
      command(loans, businessDate, 'paced'),
      peak.perSecond * 0.7,
      seconds,
    );
    const queries = await closedLoop(
      (spec) => reader.send(spec),
      (sequence) => ({ method: 'GET', path: `/v1/loans/${seededLoanNumber(sequence % loans)}/balance` }),
      clients,
      seconds,
    );
    const delays: number[] = [];
    for (let sequence = 0; sequence < 200; sequence += 1) {
      const written = await writer.send(command(loans, businessDate, 'ryw')(sequence));
      const position = String((written.body as Record<string, unknown>).position);
      const read = await reader.send({
        method: 'GET',
        path: `/v1/loans/${seededLoanNumber(sequence % loans)}/balance`,
        headers: { 'x-min-position': position },
      });
      if (read.status === 200) delays.push(read.latencyMs);
    }
    return { peak, paced, queries, delay: summarize(delays), rss: rssMegabytes(server) };
  });
  const events = options.events ?? 1_000_000;
  const rssAtEvents = await withServer(
    { LEDGER_PROJECTOR: 'external' },
    async (server) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return rssMegabytes(server);
    },
    (dataDir) => seedEventLog(dataDir, events),
  );
  return [
    withRatio({
      name: `commands through HTTP, ${clients} clients (schedule + external payment, durable)`,
      value: figures.peak.perSecond,
      unit: 'commands/s',
      baseline,
      target: COMMAND_RATIO_TARGET,
    }),
    { name: 'command latency p50 at peak', value: figures.peak.latency.p50, unit: 'ms' },
    { name: 'command latency p99 at peak', value: figures.peak.latency.p99, unit: 'ms' },
    {
      name: `command latency p99 at 70 % of peak (${(figures.peak.perSecond * 0.7).toFixed(0)}/s, open loop; target < ${P99_TARGET_MS} ms)`,
      value: figures.paced.latency.p99,
      unit: 'ms',
    },
    { name: 'command latency p50 at 70 % of peak', value: figures.paced.latency.p50, unit: 'ms' },
    { name: `balance queries, ${clients} clients`, value: figures.queries.perSecond, unit: 'queries/s' },
    { name: 'balance query p99', value: figures.queries.latency.p99, unit: 'ms' },
    { name: 'read-your-writes delay p50 (X-Min-Position)', value: figures.delay.p50, unit: 'ms' },
    { name: 'read-your-writes delay p99 (X-Min-Position)', value: figures.delay.p99, unit: 'ms' },
    { name: 'API resident memory after the run', value: figures.rss, unit: 'MB' },
    {
      name: `API resident memory, ${events.toLocaleString('en-US')} events in the store (external projector)`,
      value: rssAtEvents,
      unit: 'MB',
    },
  ];
}
