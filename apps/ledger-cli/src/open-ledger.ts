import { LedgerConfig, loadLedgerConfig } from '@ledger/config';
import { EsdbEventStore, EventStore, openSqliteEventStore } from '@ledger/event-store';
import { openReadStore, ReadModelStorage } from '@ledger/read-models';

/** The stores a command works on, opened from the service's own configuration. */
export interface LedgerStores {
  eventStore: EventStore;
  /** Opened on first use: replay, export and verify-chain never touch the read side. */
  readModels(): Promise<ReadModelStorage>;
  close(): Promise<void>;
}

/**
 * Opens the event store as LEDGER_EVENT_STORE_URL / LEDGER_DATA_DIR say, exactly like the service,
 * but WITHOUT upcasters: auditors see events as stored, and the hash chain covers stored data.
 */
export function openLedger(config: Pick<LedgerConfig, 'dataDir' | 'eventStoreUrl' | 'readStoreUrl'> = loadAuditConfig()): LedgerStores {
  const eventStore = config.eventStoreUrl ? new EsdbEventStore(config.eventStoreUrl) : openSqliteEventStore({ dataDir: config.dataDir });
  let storage: Promise<ReadModelStorage> | undefined;
  return {
    eventStore,
    readModels: () => (storage ??= openReadStore({ dataDir: config.dataDir, readStoreUrl: config.readStoreUrl })),
    close: async () => {
      await eventStore.close();
      if (storage) await (await storage).close();
    },
  };
}

/** The service's configuration; the CLI needs no API or vault key, so placeholders keep it from creating any. */
export const loadAuditConfig = (env: NodeJS.ProcessEnv = process.env): LedgerConfig =>
  loadLedgerConfig({ LEDGER_API_KEYS: 'cli:cli-placeholder-secret-0000:audit', LEDGER_VAULT_KEY: '00'.repeat(32), ...env });
