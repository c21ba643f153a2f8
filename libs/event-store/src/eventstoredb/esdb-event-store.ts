import { BACKWARDS, END, EventStoreDBClient, FORWARDS, NO_STREAM, START, StreamNotFoundError } from '@eventstore/db-client';
import { AppendResult, ExpectedRevision, GlobalPosition, globalPosition, NewEvent, RecordedEvent, streamRevision } from '../event-envelope';
import { EventStore, GlobalSubscription, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../event-store.port';
import { normalizeInstant, recordNewEvents, StreamTip, validateNewEvents } from '../shared/record-events';
import { GENESIS_HASH } from '../tamper-evidence/event-hash';
import { upcastAll, UpcasterRegistry } from '../upcasting/upcaster-registry';
import { esdbGlobalSubscription, isCaughtUp, openFilteredSubscription, subscriptionItems } from './esdb-global-subscription';
import { fromResolvedEvent, toEventData, translateAppendError, translateReadError } from './esdb-translation';

export interface EsdbEventStoreOptions {
  upcasters?: UpcasterRegistry;
  now?: () => Date;
}

/**
 * The EventStoreDB adapter (client 6.x, server 23.10 or later for subscription catch-up news).
 *
 * - Positions are commit positions as decimal strings; resuming uses {commit, prepare} equal.
 * - recordedAt is written by this adapter into the metadata at append, not taken from the
 *   server's `created`: it then means the same in every adapter, survives a migration between
 *   stores, and as-of reads filter on it. It never decreases within a stream.
 * - The hash chain needs the previous event's hash: the append reads the stream's last event, and
 *   the exact expected revision guarantees that event is still the last one when the append lands.
 * - readAll filters server-side through a catch-up subscription, because the 6.x client's readAll
 *   has no filter option; it stops at the subscription's caught-up message or at the limit.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;

  constructor(connectionString: string, private readonly options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    validateNewEvents(events);
    try {
      const tip = expected === 'no_stream' ? undefined : await this.tipAt(streamId, expected);
      const recorded = recordNewEvents(streamId, events, tip, (this.options.now ?? (() => new Date()))());
      const result = await this.client.appendToStream(streamId, recorded.map(toEventData), {
        expectedRevision: expected === 'no_stream' ? NO_STREAM : BigInt(expected),
      });
      if (!result.position) throw new Error('EventStoreDB returned no position');
      return {
        streamId,
        revision: streamRevision(Number(result.nextExpectedRevision)),
        position: globalPosition(result.position.commit),
        eventIds: events.map((event) => event.eventId),
      };
    } catch (error) {
      throw translateAppendError(error, streamId, expected);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const asOf = options.recordedAtOrBefore === undefined ? undefined : normalizeInstant(options.recordedAtOrBefore);
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      // As-of reads count only what they keep, so they cannot let the server apply the limit.
      ...(asOf === undefined && options.limit !== undefined ? { maxCount: options.limit } : {}),
    });
    const events: RecordedEvent[] = [];
    try {
      // The loop never breaks: a read left early keeps its gRPC call open and stalls dispose(),
      // so an as-of read drains the rest of the (short) stream instead.
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved);
        if (!event || events.length >= limit) continue;
        // recordedAt never decreases within a stream, so this cut is a prefix of the stream.
        if (asOf !== undefined && event.metadata.recordedAt > asOf) continue;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateReadError(error);
    }
    return upcastAll(events, this.options.upcasters);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const subscription = openFilteredSubscription(this.client, options.afterPosition, options.streamPrefixes);
    const events: RecordedEvent[] = [];
    try {
      for await (const item of subscriptionItems(subscription, this.options.upcasters)) {
        if (isCaughtUp(item)) break;
        events.push(item);
        if (events.length >= limit) break;
      }
    } catch (error) {
      throw translateReadError(error);
    } finally {
      await subscription.unsubscribe().catch(() => undefined);
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): GlobalSubscription {
    return esdbGlobalSubscription(this.client, this.options.upcasters, options);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    let head: GlobalPosition | null = null;
    try {
      // The newest records may be the server's own ($-streams); look back past them to the
      // ledger's last event. Drained, not left early (see readStream).
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 256 })) {
        head ??= fromResolvedEvent(resolved)?.position ?? null;
      }
    } catch (error) {
      throw translateReadError(error);
    }
    return head;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /**
   * The stream's last event if it sits at `expected`. Otherwise the append is bound to fail, or to
   * be answered as an idempotent retry by the server without storing anything, so a placeholder
   * tip does no harm.
   */
  private async tipAt(streamId: string, expected: number): Promise<StreamTip> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', limit: 1 });
    if (last && last.revision === expected) {
      return { revision: expected, hash: last.metadata.hash, recordedAt: last.metadata.recordedAt };
    }
    return { revision: expected, hash: GENESIS_HASH, recordedAt: '' };
  }
}
