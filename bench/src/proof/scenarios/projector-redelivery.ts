import { openSqliteEventStore } from '@ledger/event-store';
import { openReadStore } from '@ledger/read-models';
import { LedgerClient } from '../client';
import { waitForCatchUp } from '../in-process-ledger';
import { InvariantViolation } from '../invariants';
import { checkReadModels } from '../read-model-invariants';
import {
  notificationsSent,
  quiescent,
  readModelDigest,
  rewindProjectionCheckpoints,
} from '../read-model-snapshot';
import { businessDateOf, openLoan } from '../ledger-setup';
import { PROOF_KEYS, startServerProcess } from '../server-process';

export interface RedeliveryReport {
  eventsWhileDown: number;
  catchUpMs: number;
  redeliveries: number;
  /** Projection checkpoints moved back, summed over the redeliveries (0 would mean nothing was redelivered). */
  checkpointsRewound: number;
  /** Read-model tables that differed after a redelivery (table names; empty when nothing changed). */
  changedReadModels: string[];
  notificationsSent: number;
  notificationsSentTwice: number;
  violations: InvariantViolation[];
}

/**
 * The projector is down while `events` events are appended through the API; then it starts and
 * the catch-up is timed. Then, `redeliveries` times: stop it, rewind every projection checkpoint
 * by `redeliver` positions, start it again. No read model may change and no notification may
 * be sent twice; at the end every read model equals a replay.
 */
export async function runProjectorRedelivery(
  dataDir: string,
  events: number,
  redeliver: number,
  redeliveries: number,
): Promise<RedeliveryReport> {
  const env = { LEDGER_PROJECTOR: 'external' };
  const api = await startServerProcess({ dataDir, env });
  const store = openSqliteEventStore({ dataDir });
  const report: RedeliveryReport = {
    eventsWhileDown: 0,
    catchUpMs: 0,
    redeliveries,
    checkpointsRewound: 0,
    changedReadModels: [],
    notificationsSent: 0,
    notificationsSentTwice: 0,
    violations: [],
  };
  try {
    await appendWhileProjectorDown(
      new LedgerClient({ baseUrl: api.baseUrl, apiKey: PROOF_KEYS.writer }),
      api.baseUrl,
      store,
      events,
    );
    report.eventsWhileDown = Number((await store.headPosition()) ?? '0');
    // Timed from the spawn: the projector may catch up before it answers /health.
    const started = Date.now();
    let projector = await startServerProcess({ dataDir, app: 'projector', env });
    const storage = await openReadStore({ dataDir });
    try {
      await waitForCatchUp(store, storage, 600_000);
      report.catchUpMs = Date.now() - started;
      await quiescent(dataDir, 600_000);
      for (let round = 0; round < redeliveries; round += 1) {
        await projector.kill('SIGTERM');
        const before = readModelDigest(dataDir);
        const sentBefore = notificationsSent(dataDir).sent;
        report.checkpointsRewound += rewindProjectionCheckpoints(dataDir, redeliver);
        projector = await startServerProcess({ dataDir, app: 'projector', env });
        await waitForCatchUp(store, storage, 120_000);
        await quiescent(dataDir, 600_000);
        const after = readModelDigest(dataDir);
        report.changedReadModels.push(
          ...Object.keys(after.tables)
            .filter((table) => after.tables[table] !== before.tables[table])
            .map((table) => `round ${round + 1}: ${table}`),
        );
        report.notificationsSentTwice += notificationsSent(dataDir).sent - sentBefore;
      }
      report.violations = await checkReadModels(store, storage);
      await projector.kill('SIGTERM');
    } finally {
      await storage.close();
    }
    const notifications = notificationsSent(dataDir);
    report.notificationsSent = notifications.sent;
    report.notificationsSentTwice += notifications.duplicates;
  } finally {
    await api.kill('SIGTERM');
    await store.close();
  }
  return report;
}

/** Opens loans and records payments, 16 at a time, until the log holds `events` events. */
async function appendWhileProjectorDown(
  writer: LedgerClient,
  baseUrl: string,
  store: ReturnType<typeof openSqliteEventStore>,
  events: number,
): Promise<void> {
  const businessDate = await businessDateOf(new LedgerClient({ baseUrl, apiKey: PROOF_KEYS.operator }));
  const loans = Math.max(4, Math.floor(events / 20));
  for (let start = 0; start < loans; start += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, loans - start) }, (_, index) =>
        openLoan(writer, `C-R${start + index}`, String(70_000_000 + start + index), businessDate),
      ),
    );
  }
  let sequence = 0;
  while (Number((await store.headPosition()) ?? '0') < events) {
    await Promise.all(
      Array.from({ length: 16 }, () => {
        sequence += 1;
        const accountNumber = String(70_000_000 + (sequence % loans));
        const body = { channel: 'MAIL', amount: '5.00', receivedOn: businessDate };
        return writer.command({
          method: 'POST',
          path: `/v1/loans/${accountNumber}/external-payments`,
          body,
          idempotencyKey: `redeliver-${sequence}`,
        });
      }),
    );
  }
}
