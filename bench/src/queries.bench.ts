import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BenchResult, median, withRatio } from './bench-report';
import { accountNumberOfLoan, decideBusyLoan, writeLoanLog } from './read-side/loan-log';

const CONCURRENCY = 200;
const P99_TARGET_MS = 10;
const BUSY_LOAN = 999_999;
const BUSY_PAYMENTS = 500;

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};

interface Server {
  port: number;
  child: ChildProcess;
}

const startServer = (mode: 'app' | 'bare', dataDir: string, secret: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'read-side', 'query-server.js'), [mode, dataDir, secret], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ port: (message as { port: number }).port, child }));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });

const stopServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const get = (port: number, path: string, secret: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${secret}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
    });
    request.on('error', reject);
  });

const percentile = (sorted: readonly number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];

/** `total` requests from CONCURRENCY loops, each awaiting its own answer; latencies in ms. */
const drive = async (port: number, path: string, secret: string, total: number) => {
  const latencies: number[] = [];
  let issued = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < total) {
        issued += 1;
        const sent = process.hrtime.bigint();
        const answer = await get(port, path, secret);
        if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), perSecond: total / seconds };
};

/** Waits until the app's read models reflect the head of the log (X-Projection-Position). */
const waitForCatchUp = async (port: number, secret: string, head: number, path: string): Promise<void> => {
  for (;;) {
    const answer = await get(port, path, secret).catch(() => null);
    const position = Number(answer?.headers['x-projection-position'] ?? 0);
    if (answer?.status === 200 && position >= head) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/**
 * Query latency through HTTP under CONCURRENCY concurrent requests: GET balance and GET payments
 * (limit 25) of a loan with 500 payments, on the real app (embedded stores, a `queries` key),
 * beside a bare Fastify route reading the same rows with bare better-sqlite3, in the same run.
 */
export async function runQueriesBenchmark(): Promise<BenchResult[]> {
  const loans = envNumber('BENCH_QUERY_LOANS', 500);
  const requests = envNumber('BENCH_QUERY_REQUESTS', 10_000);
  const repeats = envNumber('BENCH_REPEATS', 3);
  const dataDir = mkdtempSync(join(tmpdir(), 'queries-bench-'));
  const secret = randomBytes(24).toString('hex');
  const acct = accountNumberOfLoan(BUSY_LOAN);
  try {
    const written = writeLoanLog(join(dataDir, 'events.sqlite'), { loans, eventsPerLoan: 100, templates: 16 }, [{ loan: BUSY_LOAN, events: decideBusyLoan(BUSY_PAYMENTS) }]);
    const app = await startServer('app', dataDir, secret);
    await waitForCatchUp(app.port, secret, written, `/v1/loans/${acct}/balance`);
    const payments = JSON.parse((await get(app.port, `/v1/loans/${acct}/payments?limit=100`, secret)).body) as { items: unknown[] };
    const check = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
    const stored = check.prepare(`SELECT count(*) FROM "payment-history_v1_payments" WHERE json_extract(document, '$.accountNumber') = ?`).pluck().get(acct);
    check.close();
    console.error(`queries: ${written.toLocaleString('en-US')} events projected; loan ${acct} has ${stored} payments (first page ${payments.items.length})`);
    const bare = await startServer('bare', dataDir, secret);
    const routes = [
      { name: 'GET balance', app: `/v1/loans/${acct}/balance`, bare: `/bare/${acct}/balance` },
      { name: 'GET payments page (limit 25)', app: `/v1/loans/${acct}/payments?limit=25`, bare: `/bare/${acct}/payments?limit=25` },
    ];
    const results: BenchResult[] = [];
    for (const route of routes) {
      // Warm-up (JIT, statement caches, sockets), then alternated repeats.
      await drive(app.port, route.app, secret, 2_000);
      await drive(bare.port, route.bare, secret, 2_000);
      const appRuns: Awaited<ReturnType<typeof drive>>[] = [];
      const bareRuns: Awaited<ReturnType<typeof drive>>[] = [];
      for (let repeat = 0; repeat < repeats; repeat += 1) {
        bareRuns.push(await drive(bare.port, route.bare, secret, requests));
        appRuns.push(await drive(app.port, route.app, secret, requests));
        const [a, b] = [appRuns[repeat], bareRuns[repeat]];
        console.error(`${route.name} run ${repeat + 1}/${repeats}: app p50 ${a.p50.toFixed(1)} p99 ${a.p99.toFixed(1)} ms ${Math.round(a.perSecond)}/s; bare p50 ${b.p50.toFixed(1)} p99 ${b.p99.toFixed(1)} ms ${Math.round(b.perSecond)}/s`);
      }
      const of = (runs: typeof appRuns, key: 'p50' | 'p99' | 'perSecond') => median(runs.map((run) => run[key]));
      const label = `${route.name}, ${CONCURRENCY} concurrent`;
      // Latency ratios are app / bare: how many times slower than the floor (lower is better, no target).
      results.push(withRatio({ name: `${label}, p50`, value: of(appRuns, 'p50'), unit: 'ms', baseline: of(bareRuns, 'p50') }));
      results.push(withRatio({ name: `${label}, p99`, value: of(appRuns, 'p99'), unit: 'ms', baseline: of(bareRuns, 'p99') }));
      results.push(withRatio({ name: `${label}, throughput`, value: of(appRuns, 'perSecond'), unit: 'requests/s', baseline: of(bareRuns, 'perSecond') }));
      const p99 = of(appRuns, 'p99');
      console.error(`${label}: p99 ${p99.toFixed(1)} ms against the target of ${P99_TARGET_MS} ms: ${p99 < P99_TARGET_MS ? 'met' : 'not met'}`);
      results.push({ name: `${label}, p99 target ${P99_TARGET_MS} ms met (1 = yes)`, value: p99 < P99_TARGET_MS ? 1 : 0, unit: '', target: 1 });
    }
    await stopServer(bare);
    await stopServer(app);
    return results;
  } finally {
    agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
