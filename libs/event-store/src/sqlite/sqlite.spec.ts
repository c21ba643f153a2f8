import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { openSqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SQLite', async ({ upcasters }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'event-store-'));
  const store = openSqliteEventStore({ dataDir }, { upcasters });
  return { store, teardown: async () => (await store.close(), rmSync(dataDir, { recursive: true, force: true })) };
});
