import {
  AppendResult,
  EventStore,
  EventStoreUnavailable,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  GlobalSubscription,
  GlobalPosition,
} from '@ledger/event-store';

/** What happens to one append: nothing special, a failure before it is written, or after. */
export type AppendFault = 'none' | 'before' | 'after';

export interface FaultCounts {
  before: number;
  after: number;
}

/**
 * An event store that fails appends where a seeded plan says: 'before' loses the request (nothing
 * written), 'after' writes it and loses the answer (the caller cannot tell which). `yieldPoints`
 * hands control to other simulated clients a seeded number of times before each call, which is
 * how a seed fixes the interleaving. Only microtasks are used, so a seed replays exactly.
 */
export class FaultyEventStore implements EventStore {
  readonly faults: FaultCounts = { before: 0, after: 0 };

  constructor(
    private readonly inner: EventStore,
    private readonly nextFault: () => AppendFault,
    private readonly yieldPoints: () => number,
  ) {}

  private async interleave(): Promise<void> {
    for (let turn = this.yieldPoints(); turn > 0; turn -= 1) await Promise.resolve();
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    await this.interleave();
    const fault = this.nextFault();
    if (fault === 'before') {
      this.faults.before += 1;
      throw new EventStoreUnavailable('simulated failure before the append');
    }
    const result = await this.inner.append(streamId, events, expected);
    if (fault === 'after') {
      this.faults.after += 1;
      throw new EventStoreUnavailable('simulated failure after the append');
    }
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    await this.interleave();
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): GlobalSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<GlobalPosition | null> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** mulberry32: a tiny seeded generator, so the simulation depends on nothing but its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
