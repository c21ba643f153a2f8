import { randomUUID } from 'node:crypto';
import { NewEvent } from '../event-envelope';
import { EventStore, GlobalSubscription, SubscriptionMessage } from '../event-store.port';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** What the contract hands the factory: adapters must apply this registry on every read path. */
export interface ContractStoreSettings {
  upcasters: UpcasterRegistry;
}

export type CreateContractStore = (settings: ContractStoreSettings) => Promise<{ store: EventStore; teardown(): Promise<void> }>;

export interface EventStoreContractOptions {
  /**
   * The adapter's largest accepted append in bytes (EventStoreDB: 1 MiB, counting data, metadata
   * and twice the type). Unset: the adapter must accept a single append of more than 1 MiB.
   */
  maxAppendBytes?: number;
  /** Per-test timeout; servers over the network need more than the embedded stores. */
  timeoutMs?: number;
}

/** The contract's upcast probe: v1 had `amount`, v2 renamed it to `amountPaid`. */
export const UPCAST_PROBE_TYPE = 'ContractUpcastProbe';

export const contractUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry().register(UPCAST_PROBE_TYPE, 1, ({ amount, ...rest }) => ({ ...rest, amountPaid: amount }));

/** Unique per test, so a shared server's leftovers never leak into another test. */
export const uniqueStreamId = (prefix = 'contract'): string => `${prefix}-${randomUUID().replace(/-/g, '')}`;

export const newEvent = (type: string, data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: {
    schemaVersion,
    occurredAt: '2024-03-01T12:00:00.000Z',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'contract-suite',
  },
});

export const someEvents = (count: number, type = 'PaymentScheduled'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { sequence: index, amount: `${index + 1}.00` }));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Pulls messages until `done` says so, failing loudly instead of hanging when they stop coming. */
export const pullUntil = async (
  subscription: GlobalSubscription,
  done: (received: SubscriptionMessage[]) => boolean,
  timeoutMs = 5000,
): Promise<SubscriptionMessage[]> => {
  const iterator = subscription[Symbol.asyncIterator]();
  const received: SubscriptionMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(received)) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Subscription stalled after ${JSON.stringify(received.map(summary))}`)), remaining);
    });
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next.done) break;
    received.push(next.value);
  }
  return received;
};

const summary = (message: SubscriptionMessage): string =>
  message.kind === 'caughtUp' ? 'caughtUp' : message.events.map((event) => `${event.streamId}@${event.revision}`).join(',');

export const deliveredEventIds = (messages: readonly SubscriptionMessage[]): string[] =>
  messages.flatMap((message) => (message.kind === 'events' ? message.events.map((event) => event.eventId) : []));

export const caughtUpIndex = (messages: readonly SubscriptionMessage[]): number =>
  messages.findIndex((message) => message.kind === 'caughtUp');
