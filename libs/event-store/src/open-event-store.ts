import { EventStore } from './event-store.port';
import { EsdbEventStore } from './eventstoredb/esdb-event-store';
import { openSqliteEventStore } from './sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

export interface EventStoreConfig {
  /** LEDGER_EVENT_STORE_URL: `esdb://...` selects EventStoreDB; unset, the embedded SQLite store. */
  eventStoreUrl?: string;
  /** LEDGER_DATA_DIR: the embedded store lives at `${dataDir}/events.sqlite`. */
  dataDir: string;
  upcasters?: UpcasterRegistry;
}

/** Picks the adapter from configuration (shared/spec/api.md, "Configuration"). */
export const openEventStore = (config: EventStoreConfig): EventStore => {
  const url = config.eventStoreUrl?.trim();
  if (!url) return openSqliteEventStore({ dataDir: config.dataDir }, { upcasters: config.upcasters });
  if (/^esdb(\+discover)?:\/\//.test(url)) return new EsdbEventStore(url, { upcasters: config.upcasters });
  throw new Error(`Unsupported event store URL (expected esdb://...): ${url}`);
};
