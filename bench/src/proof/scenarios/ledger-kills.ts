import { openSqliteEventStore } from '@ledger/event-store';
import { IN_FLIGHT_STALE_MS } from '../../../../apps/ledger-api/src/http/idempotency/idempotency.interceptor';
import { LedgerClient, reasonOf, RequestSpec } from '../client';
import { checkAllInvariants, InvariantViolation } from '../invariants';
import { businessDateOf, openLoan } from '../ledger-setup';
import { PROOF_KEYS, startServerProcess } from '../server-process';
import { integrityProblems } from '../sqlite-integrity';

export interface LedgerKillReport {
  kills: number;
  acknowledged: number;
  /** Commands in flight at a kill, sent again with the same key after the restart. */
  retried: number;
  /**
   * Same-key retries refused 409 IDEMPOTENCY_KEY_IN_FLIGHT: the dead process's claim holds the
   * key until it is stale (IN_FLIGHT_STALE_MS, 60 s). Safe (nothing twice) but not yet answered.
   */
  blockedRetries: number;
  /** With `awaitStaleClaims`: blocked keys retried after the claims went stale, and how many then succeeded. */
  lateRetries: number;
  lostAcknowledged: number;
  duplicates: number;
  failures: string[];
  violations: InvariantViolation[];
  restartMs: number[];
}

const ACCOUNT = '40000001';
const WRITERS = 4;

/**
 * SIGKILLs the API (embedded store) `kills` times while `WRITERS` clients append payments; after
 * each kill: integrity_check of every SQLite file, restart, and the in-flight commands sent again
 * with their keys. At the end every acknowledged or retried payment settled exactly once and all
 * invariants hold.
 */
export async function runLedgerKills(
  dataDir: string,
  kills: number,
  options: { awaitStaleClaims?: boolean; random?: () => number } = {},
): Promise<LedgerKillReport> {
  const random = options.random ?? Math.random;
  const blocked: RequestSpec[] = [];
  const report: LedgerKillReport = {
    kills,
    acknowledged: 0,
    retried: 0,
    blockedRetries: 0,
    lateRetries: 0,
    lostAcknowledged: 0,
    duplicates: 0,
    failures: [],
    violations: [],
    restartMs: [],
  };
  const expected = new Set<string>();
  let server = await startServerProcess({ dataDir, env: { LEDGER_PROJECTOR: 'embedded' } });
  let writer = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.writer, maxAttempts: 1 });
  const businessDate = await businessDateOf(
    new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.operator }),
  );
  await openLoan(writer, 'C-40000001', ACCOUNT, businessDate, '500000.00');
  let inFlight: RequestSpec[] = [];
  let sequence = 0;
  for (let kill = 0; kill < kills; kill += 1) {
    for (const spec of inFlight) {
      const reply = await writer.command(spec);
      if (reply.status < 300) report.retried += 1;
      else if (reasonOf(reply) === 'IDEMPOTENCY_KEY_IN_FLIGHT') blocked.push(spec);
      else
        report.failures.push(
          `retry of ${spec.idempotencyKey} answered ${reply.status} ${reasonOf(reply) ?? ''}`,
        );
    }
    inFlight = [];
    const load = writeUntilKilled(writer, businessDate, () => (sequence += 1), expected, inFlight, report);
    await new Promise((resolve) => setTimeout(resolve, 30 + random() * 120));
    await server.kill('SIGKILL');
    await load;
    report.failures.push(...integrityProblems(dataDir).map((problem) => `kill ${kill + 1}: ${problem}`));
    const started = Date.now();
    server = await startServerProcess({ dataDir, env: { LEDGER_PROJECTOR: 'embedded' } });
    report.restartMs.push(Date.now() - started);
    writer = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.writer, maxAttempts: 5 });
  }
  for (const spec of inFlight) {
    const reply = await writer.command(spec);
    if (reply.status < 300) report.retried += 1;
    else blocked.push(spec);
  }
  report.blockedRetries = blocked.length;
  const atMostOnce = new Set(blocked.map((spec) => String(spec.idempotencyKey)));
  if (options.awaitStaleClaims && blocked.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_STALE_MS + 1000));
    for (const spec of blocked) {
      const reply = await writer.command(spec);
      if (reply.status < 300) {
        report.lateRetries += 1;
        atMostOnce.delete(String(spec.idempotencyKey));
      } else
        report.failures.push(
          `late retry of ${spec.idempotencyKey} answered ${reply.status} ${reasonOf(reply) ?? ''}`,
        );
    }
  }
  atMostOnce.forEach((paymentId) => expected.delete(paymentId));
  await server.kill('SIGTERM');
  await judge(dataDir, expected, report);
  return report;
}

async function writeUntilKilled(
  writer: LedgerClient,
  businessDate: string,
  next: () => number,
  expected: Set<string>,
  inFlight: RequestSpec[],
  report: LedgerKillReport,
): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (;;) {
        const paymentId = `kill-pay-${next()}`;
        const spec = {
          method: 'POST',
          path: `/v1/loans/${ACCOUNT}/external-payments`,
          body: { paymentId, channel: 'MAIL', amount: '1.00', receivedOn: businessDate },
          idempotencyKey: paymentId,
        };
        try {
          const reply = await writer.send(spec);
          if (reply.status < 300) {
            report.acknowledged += 1;
            expected.add(paymentId);
          } else inFlight.push(spec);
        } catch {
          inFlight.push(spec);
          expected.add(paymentId);
          return;
        }
      }
    }),
  );
}

async function judge(dataDir: string, expected: Set<string>, report: LedgerKillReport): Promise<void> {
  const store = openSqliteEventStore({ dataDir });
  try {
    const settled = new Map<string, number>();
    for (const event of await store.readStream(`loan-${ACCOUNT}`)) {
      if (event.type === 'PaymentSettled')
        settled.set(String(event.data.paymentId), (settled.get(String(event.data.paymentId)) ?? 0) + 1);
    }
    report.lostAcknowledged = [...expected].filter((paymentId) => !settled.has(paymentId)).length;
    report.duplicates = [...settled.values()].filter((count) => count > 1).length;
    report.violations = (await checkAllInvariants(store)).violations;
  } finally {
    await store.close();
  }
}
