import { ExpectedRevision, StreamRevision } from './event-envelope';

/** The stream was not where the append expected it: someone else appended first. */
export class StreamRevisionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: StreamRevision | 'no_stream',
  ) {
    super(`Stream ${streamId} expected at ${expected} but is at ${actual}`);
    this.name = 'StreamRevisionConflict';
  }
}

/** An append or read the store refused (too large, malformed ids, ...): never retried. */
export class EventStoreRequestRejected extends Error {
  constructor(
    readonly reason: 'APPEND_TOO_LARGE' | 'INVALID_EVENT' | 'STREAM_DELETED',
    message: string,
  ) {
    super(message);
    this.name = 'EventStoreRequestRejected';
  }
}

/** The store could not be reached or failed; the operation may or may not have happened. */
export class EventStoreUnavailable extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailable';
  }
}
