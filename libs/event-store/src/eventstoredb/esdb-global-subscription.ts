import { AllStreamSubscription, EventStoreDBClient, excludeSystemEvents, START, streamNameFilter } from '@eventstore/db-client';
import { GlobalPosition, RecordedEvent } from '../event-envelope';
import { GlobalSubscription, SubscribeOptions, SubscriptionMessage } from '../event-store.port';
import { upcastAll, UpcasterRegistry } from '../upcasting/upcaster-registry';
import { fromResolvedEvent } from './esdb-translation';

/** Placed in the subscription's own stream, so it arrives after every historic event, in order. */
const CAUGHT_UP = Symbol('caughtUp');

/**
 * A server-side filtered subscription to $all after `afterPosition` (exclusive): the prefixes if
 * given, else everything but system events. The client announces catching up by an event beside
 * the data stream; pushing a marker into the stream keeps it ordered behind the history.
 */
export const openFilteredSubscription = (
  client: EventStoreDBClient,
  afterPosition: GlobalPosition | undefined,
  prefixes: readonly string[] | undefined,
): AllStreamSubscription => {
  const commit = afterPosition === undefined ? undefined : BigInt(afterPosition);
  const subscription = client.subscribeToAll({
    fromPosition: commit === undefined ? START : { commit, prepare: commit },
    filter: prefixes && prefixes.length > 0 ? streamNameFilter({ prefixes: [...prefixes] }) : excludeSystemEvents(),
  });
  subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
  return subscription;
};

/** Items of an opened subscription: our events (upcast), or the catching-up marker. */
export async function* subscriptionItems(
  subscription: AllStreamSubscription,
  upcasters: UpcasterRegistry | undefined,
): AsyncGenerator<RecordedEvent | typeof CAUGHT_UP> {
  for await (const item of subscription as AsyncIterable<unknown>) {
    if (item === CAUGHT_UP) {
      yield CAUGHT_UP;
      continue;
    }
    const event = fromResolvedEvent(item as Parameters<typeof fromResolvedEvent>[0]);
    if (event) yield upcastAll([event], upcasters)[0];
  }
}

export const isCaughtUp = (item: RecordedEvent | typeof CAUGHT_UP): item is typeof CAUGHT_UP => item === CAUGHT_UP;

const RECONNECT_DELAY_MS_MAX = 5000;

/**
 * The port's subscription over EventStoreDB. Events are delivered one per batch (the client hands
 * them over one by one). On a dropped connection it resubscribes after the last delivered
 * position, with a growing pause, so nothing is skipped or repeated; `caughtUp` is reported once.
 */
export const esdbGlobalSubscription = (
  client: EventStoreDBClient,
  upcasters: UpcasterRegistry | undefined,
  options: SubscribeOptions = {},
): GlobalSubscription => {
  let closed = false;
  let current: AllStreamSubscription | undefined;
  let wakeSleeper: (() => void) | undefined;
  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let position = options.afterPosition;
    let caughtUpReported = false;
    let failures = 0;
    while (!closed) {
      current = openFilteredSubscription(client, position, options.streamPrefixes);
      try {
        for await (const item of subscriptionItems(current, upcasters)) {
          failures = 0;
          if (isCaughtUp(item)) {
            if (!caughtUpReported) yield { kind: 'caughtUp', position: position ?? null };
            caughtUpReported = true;
            continue;
          }
          position = item.position;
          yield { kind: 'events', events: [item] };
        }
      } catch {
        // Dropped: resubscribe below from the last delivered position.
      } finally {
        await current.unsubscribe().catch(() => undefined);
      }
      if (closed) return;
      failures += 1;
      const delay = Math.min(RECONNECT_DELAY_MS_MAX, 100 * 2 ** failures);
      await new Promise<void>((resolve) => {
        wakeSleeper = resolve;
        setTimeout(resolve, delay);
      });
    }
  }
  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      wakeSleeper?.();
      // Ending the driver's stream ends a pending read, so the generator can finish.
      await current?.unsubscribe().catch(() => undefined);
      current?.destroy();
      await iterator.return(undefined);
    },
  };
};
