import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from './event-store.port';
import { EventStoreConfig, openEventStore } from './open-event-store';

/** What picks the adapter: LEDGER_EVENT_STORE_URL (`esdb://...`) or, unset, the embedded store in LEDGER_DATA_DIR. */
export type EventStoreModuleOptions = EventStoreConfig;

/** Closes the store when the application shuts down (after in-flight requests, with enableShutdownHooks). */
@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Binds the EVENT_STORE port (STYLE.md rule 3) for the whole application, from the configuration
 * or, in tests, from a given instance (e.g. an InMemoryEventStore).
 */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions | { readonly store: EventStore }): DynamicModule {
    const provider =
      'store' in options
        ? { provide: EVENT_STORE, useValue: options.store }
        : { provide: EVENT_STORE, useFactory: () => openEventStore(options) };
    return {
      module: EventStoreModule,
      global: true,
      providers: [provider, EventStoreCloser],
      exports: [EVENT_STORE],
    };
  }
}
