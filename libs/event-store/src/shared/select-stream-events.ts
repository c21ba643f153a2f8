import { RecordedEvent } from '../event-envelope';
import { ReadStreamOptions } from '../event-store.port';
import { normalizeInstant } from './record-events';

/**
 * ReadStreamOptions applied to a whole stream held in memory. recordedAt never decreases within a
 * stream, so "as of an instant" is a prefix, cut before the revision window is applied.
 */
export const selectStreamEvents = (stream: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] => {
  const asOf = options.recordedAtOrBefore === undefined ? undefined : normalizeInstant(options.recordedAtOrBefore);
  const visible = asOf === undefined ? stream : stream.filter((event) => event.metadata.recordedAt <= asOf);
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  if (options.direction === 'backwards') {
    const end = options.fromRevision === undefined ? visible.length : Math.min(visible.length, options.fromRevision + 1);
    return visible.slice(Math.max(0, end - limit), end).reverse();
  }
  const start = options.fromRevision ?? 0;
  return visible.slice(start, start + limit);
};
