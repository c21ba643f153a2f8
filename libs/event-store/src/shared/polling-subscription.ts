import { GlobalPosition, RecordedEvent } from '../event-envelope';
import { GlobalSubscription, SubscribeOptions, SubscriptionMessage } from '../event-store.port';
import { ChangeNotifier } from './change-notifier';

/** What an embedded store lends its subscriptions: pages of the log and news of commits. */
export interface SubscriptionSource {
  /** Up to `limit` events after `afterPosition` (exclusive), upcast, in global order. */
  readPage(afterPosition: GlobalPosition | undefined, prefixes: readonly string[] | undefined, limit: number): Promise<RecordedEvent[]>;
  notifier: ChangeNotifier;
  /** Re-reads after this long even without news: other processes appending to the same file. */
  fallbackPollMs?: number;
}

const DEFAULT_BATCH = 500;

/**
 * A catch-up subscription over a store that can read pages of its log: pages until a read comes
 * back empty, one `caughtUp`, then a wait for the next commit. The position only moves forward
 * past delivered events, so history and live meet without a gap or a repeat.
 */
export const pollingSubscription = (source: SubscriptionSource, options: SubscribeOptions = {}): GlobalSubscription => {
  let closed = false;
  const batchSize = options.maxBatchSize ?? DEFAULT_BATCH;
  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let position = options.afterPosition;
    let caughtUp = false;
    while (!closed) {
      // Let timers and I/O run between pages, even when a store answers synchronously.
      await new Promise((resolve) => setImmediate(resolve));
      const seenVersion = source.notifier.version;
      const events = await source.readPage(position, options.streamPrefixes, batchSize);
      if (closed) return;
      if (events.length > 0) {
        position = events[events.length - 1].position;
        yield { kind: 'events', events };
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caughtUp', position: position ?? null };
        continue;
      }
      await source.notifier.waitForChange(seenVersion, source.fallbackPollMs);
    }
  }
  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      source.notifier.wakeAll();
      await iterator.return(undefined);
    },
  };
};
