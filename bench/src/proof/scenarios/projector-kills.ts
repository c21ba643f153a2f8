import { openSqliteEventStore } from '@ledger/event-store';
import { openReadStore } from '@ledger/read-models';
import { LedgerClient } from '../client';
import { waitForCatchUp } from '../in-process-ledger';
import { InvariantViolation } from '../invariants';
import { checkReadModels } from '../read-model-invariants';
import { businessDateOf, openLoan } from '../ledger-setup';
import { PROOF_KEYS, startServerProcess } from '../server-process';
import { integrityProblems } from '../sqlite-integrity';

export interface ProjectorKillReport {
  kills: number;
  eventsAppended: number;
  failures: string[];
  violations: InvariantViolation[];
  catchUpMs: number[];
}

/**
 * The API runs with LEDGER_PROJECTOR=external and apps/projector in its own process. While
 * commands keep appending, the projector is SIGKILLed at a random point `kills` times and
 * restarted; after each restart it must catch up, integrity_check must pass, and (every
 * `verifyEvery` kills and at the end) every read model must equal a replay of the log.
 */
export async function runProjectorKills(
  dataDir: string,
  kills: number,
  verifyEvery = 1,
  random: () => number = Math.random,
): Promise<ProjectorKillReport> {
  const report: ProjectorKillReport = {
    kills,
    eventsAppended: 0,
    failures: [],
    violations: [],
    catchUpMs: [],
  };
  const env = { LEDGER_PROJECTOR: 'external' };
  const api = await startServerProcess({ dataDir, env });
  const writer = new LedgerClient({ baseUrl: api.baseUrl, apiKey: PROOF_KEYS.writer });
  const businessDate = await businessDateOf(
    new LedgerClient({ baseUrl: api.baseUrl, apiKey: PROOF_KEYS.operator }),
  );
  const store = openSqliteEventStore({ dataDir });
  const storage = await openReadStore({ dataDir });
  try {
    // One spawn per kill: the restarted projector is the one the next iteration kills.
    let projector = await startServerProcess({ dataDir, app: 'projector', env });
    for (let kill = 0; kill < kills; kill += 1) {
      const accountNumber = String(50_000_000 + kill);
      await openLoan(writer, `C-${accountNumber}`, accountNumber, businessDate);
      const payments = Array.from({ length: 5 }, (_, index) =>
        writer.command({
          method: 'POST',
          path: `/v1/loans/${accountNumber}/external-payments`,
          body: { channel: 'MAIL', amount: '10.00', receivedOn: businessDate },
          idempotencyKey: `pk-${kill}-${index}`,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, random() * 150));
      await projector.kill('SIGKILL');
      await Promise.all(payments);
      report.failures.push(...integrityProblems(dataDir).map((problem) => `kill ${kill + 1}: ${problem}`));
      const started = Date.now();
      projector = await startServerProcess({ dataDir, app: 'projector', env });
      await waitForCatchUp(store, storage, 30_000);
      report.catchUpMs.push(Date.now() - started);
      if ((kill + 1) % verifyEvery === 0 || kill === kills - 1)
        report.violations.push(...(await checkReadModels(store, storage)));
    }
    await projector.kill('SIGTERM');
    report.eventsAppended = Number((await store.headPosition()) ?? '0');
  } finally {
    await api.kill('SIGTERM');
    await storage.close();
    await store.close();
  }
  return report;
}
