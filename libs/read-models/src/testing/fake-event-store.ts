import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  globalPosition,
  GlobalSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  streamRevision,
  SubscribeOptions,
  SubscriptionMessage,
} from '@ledger/event-store';

/**
 * Just enough of the EventStore port for projector tests: a gapless log, catch-up subscriptions
 * that wake on append, and a way to redeliver a suffix (a subscription that ignores its start).
 * Switch to the event store library's InMemoryEventStore once its index exports it.
 */
export class FakeEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  /** When set, subscriptions start this many events before the position asked for: redelivery. */
  redeliver = 0;
  private wakers = new Set<() => void>();

  /** Expectations are not checked: projector tests only need the log. */
  async append(streamId: string, events: readonly NewEvent[], _expected?: ExpectedRevision): Promise<AppendResult> {
    const revision = this.log.filter((event) => event.streamId === streamId).length;
    const recorded = events.map(
      (event, index): RecordedEvent => ({
        streamId,
        revision: streamRevision(revision + index),
        position: globalPosition(this.log.length + index + 1),
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: { ...event.metadata, eventId: event.eventId, recordedAt: new Date().toISOString(), previousHash: '', hash: '' },
      }),
    );
    this.log.push(...recorded);
    this.wakers.forEach((wake) => wake());
    const last = recorded[recorded.length - 1];
    return { streamId, revision: last.revision, position: last.position, eventIds: events.map((event) => event.eventId) };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.log.filter((event) => event.streamId === streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.page(options.afterPosition ? Number(options.afterPosition) : 0, options.streamPrefixes, options.limit ?? 1e9);
  }

  subscribeToAll(options: SubscribeOptions = {}): GlobalSubscription {
    let closed = false;
    let wake: () => void = () => {};
    const start = Math.max(0, (options.afterPosition ? Number(options.afterPosition) : 0) - this.redeliver);
    const page = (index: number) => this.page(index, options.streamPrefixes, options.maxBatchSize ?? 500);
    const wakers = this.wakers;
    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      let index = start;
      let caughtUp = false;
      while (!closed) {
        const events = page(index);
        if (events.length > 0) {
          index = Number(events[events.length - 1].position);
          yield { kind: 'events', events };
        } else if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: index > 0 ? globalPosition(index) : null };
        } else {
          await new Promise<void>((resolve) => {
            wake = resolve;
            wakers.add(resolve);
          });
          wakers.delete(wake);
        }
      }
    }
    const iterator = messages();
    return {
      [Symbol.asyncIterator]: () => iterator,
      async close() {
        closed = true;
        wake();
        await iterator.return(undefined);
      },
    };
  }

  async headPosition(): Promise<GlobalPosition | null> {
    return this.log.length > 0 ? globalPosition(this.log.length) : null;
  }

  async close(): Promise<void> {}

  /** Events after index `after` (positions are index + 1), filtered by prefix. */
  private page(after: number, prefixes: readonly string[] | undefined, limit: number): RecordedEvent[] {
    return this.log
      .slice(after)
      .filter((event) => !prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix)))
      .slice(0, limit);
  }
}
