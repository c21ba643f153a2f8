import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@ledger/event-store';
import { allProjections } from '../all-projections';
import { historySteps, playHistory } from '../event-views/random-history.fixtures';
import { Projector } from '../projector/projector';
import { silentLogger } from '../projector/projector-logger';
import { ReadModelStorage } from '../stores/open-read-store';
import { openSqliteStorage } from '../stores/sqlite/open-sqlite-storage';
import { verifyProjection } from './verify-projection';

/*
 * The auditor against the embedded SQLite read store: after normal operation every projection
 * verifies clean; a row edited behind the projector's back is named, document and field.
 */

const project = async (eventStore: InMemoryEventStore, storage: ReadModelStorage): Promise<void> => {
  const projector = new Projector({ eventStore, ...storage, projections: allProjections, logger: silentLogger, now: () => 0 });
  await projector.start();
  const head = await eventStore.headPosition();
  try {
    if (head !== null) expect(await projector.waitForPosition(head, 10_000)).toBe(true);
  } finally {
    await projector.stop();
  }
};

const steps = fc.sample(historySteps, { numRuns: 1, seed: 42 })[0];

describe('verifying projections rebuilt from a random loan history', () => {
  let dataDir: string;
  let eventStore: InMemoryEventStore;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verify-projection-'));
    eventStore = new InMemoryEventStore();
    await playHistory(eventStore, steps);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finds nothing to report after normal operation, for every projection', async () => {
    const storage = await openSqliteStorage(dataDir);
    await project(eventStore, storage);
    for (const projection of allProjections) {
      const report = await verifyProjection(eventStore, storage, projection, { pageSize: 7 });
      expect({ projection: projection.name, ok: report.ok, discrepancies: report.discrepancies }).toEqual({ projection: projection.name, ok: true, discrepancies: [] });
      expect(report.verifiedUpTo).toBe(await eventStore.headPosition());
    }
    await storage.close();
  });

  it('names the document and the field of a row altered with a raw UPDATE', async () => {
    const storage = await openSqliteStorage(dataDir);
    await project(eventStore, storage);
    await storage.close();
    const raw = new Database(join(dataDir, 'read-models.sqlite'));
    raw.prepare(`UPDATE "loan-balance_v1_loans" SET document = json_set(document, '$.principal', '1.00') WHERE id = ?`).run('10000001');
    raw.close();

    const reopened = await openSqliteStorage(dataDir);
    const loanBalance = allProjections.find((projection) => projection.name === 'loan-balance');
    const report = await verifyProjection(eventStore, reopened, loanBalance!);
    await reopened.close();
    expect(report.ok).toBe(false);
    expect(report.discrepancies).toEqual([
      { collection: 'loans', id: '10000001', kind: 'CHANGED', differences: [{ path: 'principal', expected: expect.stringMatching(/^\d+\.\d{2}$/), actual: '1.00' }] },
    ]);
  });

  it('reports a deleted row as missing and a stray row as extra', async () => {
    const storage = await openSqliteStorage(dataDir);
    await project(eventStore, storage);
    await storage.close();
    const raw = new Database(join(dataDir, 'read-models.sqlite'));
    raw.prepare(`DELETE FROM "loan-balance_v1_loans" WHERE id = ?`).run('10000002');
    raw.prepare(`INSERT INTO "loan-balance_v1_loans" (id, position, document) VALUES ('99999999', '1', '{"principal":"5.00"}')`).run();
    raw.close();

    const reopened = await openSqliteStorage(dataDir);
    const report = await verifyProjection(eventStore, reopened, allProjections.find((projection) => projection.name === 'loan-balance')!);
    await reopened.close();
    expect(report.discrepancies.map(({ kind, collection, id }) => ({ kind, collection, id }))).toEqual([
      { kind: 'EXTRA', collection: 'loans', id: '99999999' },
      { kind: 'MISSING', collection: 'loans', id: '10000002' },
    ]);
  });
});
