/**
 * What the ledger stores: events in streams, each with the metadata of shared/spec/events.md.
 * These types are the port's vocabulary; no driver type ever crosses it (STYLE.md rule 3).
 */

/** 0-based revision of an event within its stream (EventStoreDB's convention). */
export type StreamRevision = number & { readonly __brand: 'StreamRevision' };

/**
 * A position in the global log, carried as a decimal string. Opaque to callers except for order:
 * compare with `compareGlobalPositions`. The embedded store's positions are gapless 1, 2, 3...;
 * EventStoreDB's are its commit positions (prepare equals commit for the ledger's appends).
 */
export type GlobalPosition = string & { readonly __brand: 'GlobalPosition' };

/** The expectation of an append in the command path: the stream must not exist, or be at exactly this revision. */
export type ExpectedRevision = 'no_stream' | StreamRevision;

export const streamRevision = (value: number): StreamRevision => {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a stream revision: ${value}`);
  return value as StreamRevision;
};

export const globalPosition = (value: string | bigint | number): GlobalPosition => {
  const text = String(value);
  if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new Error(`Not a global position: ${text}`);
  return text as GlobalPosition;
};

export const compareGlobalPositions = (a: GlobalPosition, b: GlobalPosition): number => {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};

/** Metadata the writer supplies (shared/spec/events.md, "Every event"). */
export interface WrittenMetadata {
  schemaVersion: number;
  /** Business time of the fact, ISO-8601 UTC. */
  occurredAt: string;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** The API key's name, or the process that decided it. */
  actor: string;
}

/** Metadata as stored: the writer's, plus what the store adds. */
export interface RecordedMetadata extends WrittenMetadata {
  eventId: string;
  /** Store time of the append, ISO-8601 UTC. */
  recordedAt: string;
  /** SHA-256 of the previous event of the stream (64 zeros for revision 0); see tamper-evidence/. */
  previousHash: string;
  /** SHA-256 over the canonical form of this event; see tamper-evidence/. */
  hash: string;
}

export interface NewEvent {
  /** UUID; derived from the idempotency key in the command path, so a retry appends nothing twice. */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: WrittenMetadata;
}

export interface RecordedEvent {
  streamId: string;
  revision: StreamRevision;
  position: GlobalPosition;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedMetadata;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event appended: the expectation for the next append. */
  revision: StreamRevision;
  /** Global position of the last event appended. */
  position: GlobalPosition;
  eventIds: string[];
}
