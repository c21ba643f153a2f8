/** What every command answers (shared/spec/api.md, "Every command answers"). */
export interface CommandResult {
  streamId: string;
  /** The stream's revision after the command (unchanged when it decided nothing). */
  revision: number | null;
  /** Global position of the last event written, a decimal string (null when nothing was ever written). */
  position: string | null;
  events: Array<{ eventId: string; type: string }>;
}

/** Who asked, and why: becomes the metadata of every event the command writes. */
export interface CommandMetadata {
  /** The API key's name, or the process that decided (e.g. 'daily-cycle'). */
  actor: string;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** Business time of the decision, ISO-8601 UTC. */
  occurredAt: string;
  /** If-Match: the revision the caller saw; a moved stream is refused instead of retried. */
  expectedRevision?: number | 'no_stream';
}
