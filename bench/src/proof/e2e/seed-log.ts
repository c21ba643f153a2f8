import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { NewEvent } from '@ledger/event-store';
import { openEventsDatabase } from '../../../../libs/event-store/src/sqlite/sqlite-schema';
import { recordNewEvents } from '../../../../libs/event-store/src/shared/record-events';

const event = (sequence: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'BenchRecorded',
  data: {
    paymentId: `p-${sequence}`,
    amount: '412.37',
    scheduledFor: '2026-03-14',
    channel: 'ONLINE',
    source: 'ONE_TIME',
    cycle: sequence % 72,
    fundingLast4: '4321',
  },
  metadata: {
    schemaVersion: 1,
    occurredAt: '2026-03-14T15:00:00.000Z',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'bench',
  },
});

/**
 * Writes `count` events (hash chain included) straight into `${dataDir}/events.sqlite`, in large
 * transactions: setup for the memory figure only. The streams are `bench-*`, outside the
 * projector's `loan-`/`customer-` prefixes, so the API starts on a log of this size without a
 * projection of synthetic data.
 */
export function seedEventLog(dataDir: string, count: number): void {
  const db = openEventsDatabase(join(dataDir, 'events.sqlite'));
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tips = new Map<string, { revision: number; hash: string; recordedAt: string }>();
  const writeSlice = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const streamId = `bench-${String(index % 10_000).padStart(8, '0')}`;
      for (const recorded of recordNewEvents(streamId, [event(index)], tips.get(streamId), new Date())) {
        const { metadata } = recorded;
        insert.run(
          streamId,
          recorded.revision,
          recorded.eventId,
          recorded.type,
          1,
          JSON.stringify(recorded.data),
          JSON.stringify(metadata),
          metadata.recordedAt,
          metadata.hash,
        );
        tips.set(streamId, {
          revision: recorded.revision,
          hash: metadata.hash,
          recordedAt: metadata.recordedAt,
        });
      }
    }
  });
  for (let from = 0; from < count; from += 50_000) writeSlice(from, Math.min(count, from + 50_000));
  db.close();
}
