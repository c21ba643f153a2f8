import {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  globalPosition,
  NewEvent,
  RecordedEvent,
} from '../event-envelope';
import { EventStoreRequestRejected } from '../event-store.errors';
import { EventStore, GlobalSubscription, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../event-store.port';
import { ChangeNotifier } from '../shared/change-notifier';
import { pollingSubscription } from '../shared/polling-subscription';
import { checkExpectation, matchesPrefixes, recordNewEvents, validateNewEvents } from '../shared/record-events';
import { selectStreamEvents } from '../shared/select-stream-events';
import { UpcasterRegistry, upcastAll } from '../upcasting/upcaster-registry';

export interface InMemoryEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** The store's clock for recordedAt; tests pin it to read "as of" an instant. */
  now?: () => Date;
}

/**
 * The whole log in an array, for fast unit tests of everything above the port. Positions are
 * gapless 1, 2, 3... like the embedded store's. Appends are synchronous inside the promise, so
 * each is atomic and the expectation check cannot interleave with another append.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new Set<string>();
  private readonly notifier = new ChangeNotifier();
  private readonly now: () => Date;

  constructor(private readonly options: InMemoryEventStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    validateNewEvents(events);
    const stream = this.streams.get(streamId) ?? [];
    const ids = events.map((event) => event.eventId);
    const outcome = checkExpectation(streamId, expected, stream.length > 0 ? stream.length - 1 : undefined, ids, (from, count) =>
      stream.slice(from, from + count).map((event) => event.eventId),
    );
    if (outcome.kind === 'replay') {
      return { streamId, revision: outcome.lastRevision, position: stream[outcome.lastRevision].position, eventIds: ids };
    }
    const reused = ids.find((id) => this.eventIds.has(id));
    if (reused) throw new EventStoreRequestRejected('INVALID_EVENT', `Event id already stored elsewhere: ${reused}`);
    const last = stream[stream.length - 1];
    const tip = last && { revision: last.revision, hash: last.metadata.hash, recordedAt: last.metadata.recordedAt };
    const base = this.log.length;
    const recorded = recordNewEvents(streamId, events, tip, this.now()).map(
      (event, index): RecordedEvent => ({ ...event, position: globalPosition(base + index + 1) }),
    );
    for (const event of recorded) {
      this.log.push(event);
      stream.push(event);
      this.eventIds.add(event.eventId);
    }
    this.streams.set(streamId, stream);
    this.notifier.notify();
    const lastRecorded = recorded[recorded.length - 1];
    return { streamId, revision: lastRecorded.revision, position: lastRecorded.position, eventIds: ids };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const selected = selectStreamEvents(this.streams.get(streamId) ?? [], options);
    return upcastAll(selected, this.options.upcasters);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(options.afterPosition, options.streamPrefixes, options.limit ?? Number.MAX_SAFE_INTEGER);
  }

  subscribeToAll(options: SubscribeOptions = {}): GlobalSubscription {
    return pollingSubscription({ readPage: (after, prefixes, limit) => this.readPage(after, prefixes, limit), notifier: this.notifier }, options);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    return this.log.length > 0 ? this.log[this.log.length - 1].position : null;
  }

  async close(): Promise<void> {
    this.notifier.wakeAll();
  }

  private async readPage(after: GlobalPosition | undefined, prefixes: readonly string[] | undefined, limit: number): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    // Position n sits at index n - 1, so an exclusive start is simply index n.
    for (let index = after ? Number(after) : 0; index < this.log.length && page.length < limit; index += 1) {
      if (matchesPrefixes(this.log[index].streamId, prefixes)) page.push(this.log[index]);
    }
    return upcastAll(page, this.options.upcasters);
  }
}
