import { describeEventStoreContract } from '../contract/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

const url = process.env.TEST_EVENTSTOREDB_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', async ({ upcasters }) => {
    const store = new EsdbEventStore(url, { upcasters });
    return { store, teardown: () => store.close() };
  }, { maxAppendBytes: 1024 * 1024, timeoutMs: 30_000 });
} else {
  it.skip('EventStoreDB event store contract (skipped: TEST_EVENTSTOREDB_URL not set)', () => undefined);
}
