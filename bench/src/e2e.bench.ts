import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchResult, median, pairedMedians } from './bench-report';
import { LedgerClient, RequestSpec } from './proof/client';
import { closedLoop, LoadResult, openLoop } from './proof/e2e/load-generator';
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
  /** Alternated ledger/baseline peak measurements; medians are reported. */
  pairs?: number;
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
  options: { env?: Record<string, string>; entry?: string; prefix: string },
  work: (server: ServerProcess) => Promise<T>,
  prepare?: (dataDir: string) => void,
): Promise<T> => {
  const dataDir = newDataDir(options.prefix);
  prepare?.(dataDir);
  const server = await startServerProcess({ dataDir, env: options.env, entry: options.entry, timeoutMs: 120_000 });
  try {
    return await work(server);
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The baseline: the same POST, parser and validation on a bare NestJS + Fastify app, in its own process. */
const BASELINE_ENTRY = (): string => join(repositoryRoot(), 'dist/bench/src/proof/e2e/baseline-server.js');

/** Opens the loans with a few concurrent clients (setup, not measured). */
async function openLoans(writer: LedgerClient, loans: number, businessDate: string): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let index = next++; index < loans; index = next++)
        await openLoan(writer, `C-B${index}`, seededLoanNumber(index), businessDate, '500000.00');
    }),
  );
}

/**
 * Waits until the projector has applied everything written so far, so its backlog from one
 * measured phase does not run during the next one (the baseline's included).
 */
async function projectorCaughtUp(writer: LedgerClient, reader: LedgerClient, businessDate: string, run: string): Promise<void> {
  const written = await writer.send(command(1, businessDate, run)(0));
  const position = String((written.body as Record<string, unknown>).position);
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const read = await reader.send({ method: 'GET', path: `/v1/loans/${seededLoanNumber(0)}/balance`, headers: { 'x-min-position': position } });
    if (read.status === 200) return;
  }
  throw new Error('the projector did not catch up within a minute');
}

/**
 * Through HTTP on the embedded default (SQLite, embedded projector, every command durable):
 * sustained commands/s beside the bare baseline, p99 at 70 % of that peak, balance queries/s,
 * read-your-writes delay, and resident memory with a 1,000,000-event log.
 *
 * Both servers stay up for the whole run and are warmed up first; peak and baseline are then
 * measured in alternation (ledger, baseline, ledger, ...) and reported as medians, with the
 * median of the per-pair ratios, because this machine's speed drifts within a minute.
 */
export async function runE2eBenchmark(options: E2eBenchOptions = {}): Promise<BenchResult[]> {
  const seconds = options.seconds ?? 10;
  const clients = options.clients ?? 32;
  // As many loans as the proof's portfolio: a loan then holds a handful of pending payments, as
  // real ones do, instead of hundreds whose documents would grow with every command.
  const loans = options.loans ?? 1_000;
  const pairs = options.pairs ?? 3;
  const figures = await withServer({ entry: BASELINE_ENTRY(), prefix: 'ledger-e2e-baseline-' }, (baselineServer) =>
    withServer({ env: { LEDGER_PROJECTOR: 'embedded' }, prefix: 'ledger-e2e-bench-' }, async (server) => {
      const writer = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.writer, maxAttempts: 1 });
      const reader = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.reader });
      const baselineClient = new LedgerClient({ baseUrl: baselineServer.baseUrl, apiKey: 'none' });
      const businessDate = await businessDateOf(new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.operator }));
      await openLoans(writer, loans, businessDate);
      // Every request to the baseline is the schedule POST: it has no external-payment route, and both validate alike.
      const baselineCommand = (run: string) => (sequence: number) => command(loans, '2026-01-05', run)(sequence * 2);
      const ledgerPeak = (run: string) => closedLoop((spec) => writer.send(spec), command(loans, businessDate, run), clients, seconds);
      const baselinePeak = (run: string, length = seconds) =>
        closedLoop((spec) => baselineClient.send(spec), baselineCommand(run), clients, length);
      await closedLoop((spec) => writer.send(spec), command(loans, businessDate, 'warm-up'), clients, 3);
      await projectorCaughtUp(writer, reader, businessDate, 'warm-up-done');
      await baselinePeak('warm-up', 3);

      const peaks: LoadResult[] = [];
      let round = 0;
      const paired = await pairedMedians(
        pairs,
        async () => {
          const peak = await ledgerPeak(`peak-${round}`);
          peaks.push(peak);
          await projectorCaughtUp(writer, reader, businessDate, `peak-${round}-done`);
          return peak.perSecond;
        },
        async () => (await baselinePeak(`baseline-${round++}`)).perSecond,
      );
      const paced = await openLoop((spec) => writer.send(spec), command(loans, businessDate, 'paced'), paired.value * 0.7, seconds);
      await projectorCaughtUp(writer, reader, businessDate, 'paced-done');
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
      return { paired, peaks, paced, queries, delay: summarize(delays), rss: rssMegabytes(server) };
    }),
  );
  const events = options.events ?? 1_000_000;
  const rssAtEvents = await withServer(
    { env: { LEDGER_PROJECTOR: 'external' }, prefix: 'ledger-e2e-memory-' },
    async (server) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return rssMegabytes(server);
    },
    (dataDir) => seedEventLog(dataDir, events),
  );
  const atPeak = (pick: (peak: LoadResult) => number): number => median(figures.peaks.map(pick));
  return [
    {
      name: `commands through HTTP, ${clients} clients, ${loans.toLocaleString('en-US')} loans (schedule + external payment, durable; median of ${pairs} alternated pairs)`,
      value: figures.paired.value,
      unit: 'commands/s',
      baseline: figures.paired.baseline,
      ratio: figures.paired.ratio,
      target: COMMAND_RATIO_TARGET,
    },
    { name: 'command latency p50 at peak (median of the runs)', value: atPeak((peak) => peak.latency.p50), unit: 'ms' },
    { name: 'command latency p99 at peak (median of the runs)', value: atPeak((peak) => peak.latency.p99), unit: 'ms' },
    {
      name: `command latency p99 at 70 % of peak (${(figures.paired.value * 0.7).toFixed(0)}/s, open loop; target < ${P99_TARGET_MS} ms)`,
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
