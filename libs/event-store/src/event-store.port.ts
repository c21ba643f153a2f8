import {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
  StreamRevision,
} from './event-envelope';

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: StreamRevision;
  limit?: number;
  /** Auditors: only events recorded at or before this ISO-8601 instant. */
  recordedAtOrBefore?: string;
}

export interface ReadAllOptions {
  /** Exclusive: the first event returned is the one after this position. Omitted: from the start. */
  afterPosition?: GlobalPosition;
  /** Only streams whose id starts with one of these (e.g. ['loan-', 'customer-']). */
  streamPrefixes?: readonly string[];
  limit?: number;
}

/** One delivery of a catch-up subscription: a non-empty batch in global order, or the news that history is exhausted. */
export type SubscriptionMessage =
  | { kind: 'events'; events: RecordedEvent[] }
  | { kind: 'caughtUp'; position: GlobalPosition | null };

export interface SubscribeOptions {
  afterPosition?: GlobalPosition;
  streamPrefixes?: readonly string[];
  /** Largest batch delivered at once. */
  maxBatchSize?: number;
}

/**
 * A catch-up subscription to the global log: history first, then a `caughtUp`, then live events.
 * Pull-based, so a slow consumer applies back-pressure; it never skips nor repeats a position,
 * and after a dropped connection it resumes from the last delivered position by itself.
 */
export interface GlobalSubscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** The event store port. Adapters: in-memory, SQLite (embedded default), EventStoreDB. */
export interface EventStore {
  /**
   * Appends atomically. `expected` is 'no_stream' or the exact current revision; otherwise
   * StreamRevisionConflict with the actual revision. Re-appending the same event ids at the same
   * expectation returns the original result and writes nothing (idempotent retry).
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** A page of the global log in order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): GlobalSubscription;
  /** The position of the last event in the log, or null when it is empty. */
  headPosition(): Promise<GlobalPosition | null>;
  close(): Promise<void>;
}

/** Nest injection token for the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');
