import {
  EventStore, GlobalPosition, GlobalSubscription, RecordedEvent, SubscribeOptions, SubscriptionMessage,
} from '@ledger/event-store';

/** Pages kept for runners that lag behind; past this, the oldest page goes and a laggard reads it again. */
const MAX_CACHED_PAGES = 16;

interface CachedPage {
  events: Promise<RecordedEvent[]>;
  /** Subscriptions in catch-up when the page was read that have not taken it yet. */
  readersLeft: number;
}

/**
 * The projector's view of the event store during catch-up: every projection version has its own
 * subscription and checkpoint, but runners reading the same history page (same position, prefixes
 * and size, as they do after a fresh start or a rebuild of several projections) share one read and
 * one parse of it. A subscription pages through history with readAll until a short page, then hands
 * over to the store's own subscription from the last delivered position, which delivers the rest,
 * `caughtUp` and live events as before. Events are shared read-only: evolve never mutates them.
 */
export class SharedCatchUp {
  private readonly pages = new Map<string, CachedPage>();
  /** @internal read by the subscriptions' generators */
  catchingUp = 0;

  constructor(readonly eventStore: EventStore) {}

  subscribeToAll(options: SubscribeOptions): GlobalSubscription {
    let closed = false;
    let live: GlobalSubscription | null = null;
    const batchSize = options.maxBatchSize ?? 500;
    const messages = async function* (shared: SharedCatchUp): AsyncGenerator<SubscriptionMessage> {
      let position = options.afterPosition;
      shared.catchingUp += 1;
      let inCatchUp = true;
      const leaveCatchUp = () => {
        if (inCatchUp) shared.catchingUp -= 1;
        inCatchUp = false;
      };
      try {
        while (!closed) {
          // Let timers and I/O run between pages, as the store's own subscriptions do.
          await new Promise((resolve) => setImmediate(resolve));
          const events = await shared.page(position, options.streamPrefixes, batchSize);
          if (closed) return;
          if (events.length > 0) {
            position = events[events.length - 1].position;
            yield { kind: 'events', events };
          }
          if (events.length < batchSize) break;
        }
        leaveCatchUp();
        if (closed) return;
        live = shared.eventStore.subscribeToAll({ ...options, afterPosition: position });
        for await (const message of live) {
          if (closed) return;
          yield message;
        }
      } finally {
        leaveCatchUp();
      }
    };
    const iterator = messages(this);
    return {
      [Symbol.asyncIterator]: () => iterator,
      async close() {
        closed = true;
        await live?.close();
        await iterator.return(undefined);
      },
    };
  }

  /** @internal */
  page(after: GlobalPosition | undefined, prefixes: readonly string[] | undefined, limit: number): Promise<RecordedEvent[]> {
    const key = `${after ?? ''}|${(prefixes ?? []).join(',')}|${limit}`;
    let cached = this.pages.get(key);
    if (cached === undefined) {
      const events = this.eventStore.readAll({ afterPosition: after, streamPrefixes: prefixes, limit });
      cached = { events, readersLeft: this.catchingUp };
      // A failed read is not kept: the runner retries from its checkpoint and reads again.
      events.catch(() => this.pages.delete(key));
      this.pages.set(key, cached);
      if (this.pages.size > MAX_CACHED_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    }
    cached.readersLeft -= 1;
    if (cached.readersLeft <= 0) this.pages.delete(key);
    return cached.events;
  }
}
