import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionName } from '../projection';
import { openSqliteStorage } from '../stores/sqlite/open-sqlite-storage';
import { FakeEventStore } from '../testing/fake-event-store';
import { eventCounts, newEvent } from '../testing/projector-fixtures';
import { Projector } from './projector';
import { silentLogger } from './projector-logger';

describe('Projector on the embedded SQLite store', () => {
  const directory = mkdtempSync(join(tmpdir(), 'projector-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('resumes from the checkpoint it committed with the documents, across a reopen of the file', async () => {
    const eventStore = new FakeEventStore();
    await eventStore.append('loan-1', [newEvent('LoanOpened'), newEvent('PaymentScheduled')]);
    const run = async () => {
      const storage = await openSqliteStorage(directory);
      const projector = new Projector({ eventStore, ...storage, projections: [eventCounts()], logger: silentLogger });
      await projector.start();
      const reached = await projector.waitForPosition((await eventStore.headPosition())!, 2000);
      await projector.stop();
      const stored = await storage.readStore.get(collectionName('event-counts', 1, 'counts'), 'loan-1');
      await storage.close();
      return { reached, count: stored?.document.count };
    };
    expect(await run()).toEqual({ reached: true, count: 2 });
    await eventStore.append('loan-1', [newEvent('PaymentSettled')]);
    expect(await run()).toEqual({ reached: true, count: 3 });
  });
});
