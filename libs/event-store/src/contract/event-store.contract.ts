import { EventStore } from '../event-store.port';
import { describeAppendAndRead } from './append-and-read.contract';
import { contractUpcasters, CreateContractStore, EventStoreContractOptions } from './contract-fixtures';
import { describeGlobalLog } from './global-log.contract';

export type { ContractStoreSettings, CreateContractStore, EventStoreContractOptions } from './contract-fixtures';

/**
 * The behaviour every EventStore adapter owes the ledger, as one jest suite (STYLE.md rule 4).
 * An adapter's spec is a factory: `describeEventStoreContract('SQLite', async ({ upcasters }) =>
 * ...)`. The factory must apply the given upcasters on every read path. Tests use unique stream
 * ids and prefixes, so a server shared between tests (or runs) never disturbs them.
 */
export const describeEventStoreContract = (
  name: string,
  createStore: CreateContractStore,
  options: EventStoreContractOptions = {},
): void => {
  describe(`${name} event store contract`, () => {
    let current: { store: EventStore; teardown(): Promise<void> } | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('The store was not created');
      return current.store;
    };
    if (options.timeoutMs) jest.setTimeout(options.timeoutMs);
    beforeEach(async () => {
      current = await createStore({ upcasters: contractUpcasters() });
    });
    afterEach(async () => {
      await current?.teardown();
      current = undefined;
    });
    describeAppendAndRead(store, options);
    describeGlobalLog(store);
  });
};
