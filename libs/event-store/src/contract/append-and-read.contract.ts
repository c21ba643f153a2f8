import { streamRevision } from '../event-envelope';
import { EventStoreRequestRejected, StreamRevisionConflict } from '../event-store.errors';
import { EventStore } from '../event-store.port';
import { GENESIS_HASH } from '../tamper-evidence/event-hash';
import { verifyChain } from '../tamper-evidence/verify-chain';
import { EventStoreContractOptions, newEvent, sleep, someEvents, uniqueStreamId } from './contract-fixtures';

/** Appends, conflicts, idempotent retries, stream reads and the hash chain. */
export const describeAppendAndRead = (store: () => EventStore, options: EventStoreContractOptions): void => {
  describe('a stream that does not exist', () => {
    it('accepts an append expecting no stream, at revisions 0..n-1', async () => {
      const streamId = uniqueStreamId();
      const events = someEvents(3);
      const result = await store().append(streamId, events, 'no_stream');
      expect(result).toMatchObject({ streamId, revision: 2, eventIds: events.map((event) => event.eventId) });
      expect(await store().headPosition()).not.toBeNull();
    });
    it('reads as empty', async () => {
      expect(await store().readStream(uniqueStreamId())).toEqual([]);
    });
    it('refuses an append expecting a revision, naming no_stream as actual', async () => {
      const streamId = uniqueStreamId();
      await expect(store().append(streamId, someEvents(1), streamRevision(0))).rejects.toMatchObject({
        name: 'StreamRevisionConflict',
        actual: 'no_stream',
      });
    });
  });

  describe('a stream at revision 1', () => {
    const givenStreamAtRevisionOne = async () => {
      const streamId = uniqueStreamId();
      const events = someEvents(2);
      const first = await store().append(streamId, events, 'no_stream');
      return { streamId, events, first };
    };
    it('conflicts with an append expecting no stream, carrying the actual revision', async () => {
      const { streamId } = await givenStreamAtRevisionOne();
      const failure = await store().append(streamId, someEvents(1), 'no_stream').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StreamRevisionConflict);
      expect(failure).toMatchObject({ streamId, expected: 'no_stream', actual: 1 });
    });
    it('conflicts with an append expecting revision 5', async () => {
      const { streamId } = await givenStreamAtRevisionOne();
      await expect(store().append(streamId, someEvents(1), streamRevision(5))).rejects.toMatchObject({ actual: 1 });
    });
    it('answers a retry with the same ids at the same expectation with the original result, writing nothing', async () => {
      const { streamId, events, first } = await givenStreamAtRevisionOne();
      expect(await store().append(streamId, events, 'no_stream')).toEqual(first);
      const next = someEvents(1);
      const second = await store().append(streamId, next, streamRevision(1));
      expect(await store().append(streamId, next, streamRevision(1))).toEqual(second);
      expect(await store().readStream(streamId)).toHaveLength(3);
    });
    it('conflicts with a retry whose ids do not match', async () => {
      const { streamId, events } = await givenStreamAtRevisionOne();
      const changed = [events[0], newEvent('PaymentScheduled')];
      await expect(store().append(streamId, changed, 'no_stream')).rejects.toBeInstanceOf(StreamRevisionConflict);
    });
  });

  describe('a stream of five events', () => {
    const givenFiveEvents = async () => {
      const streamId = uniqueStreamId();
      await store().append(streamId, someEvents(3), 'no_stream');
      await store().append(streamId, someEvents(2), streamRevision(2));
      return streamId;
    };
    const revisions = (events: { revision: number }[]) => events.map((event) => event.revision);
    it('reads forwards from a revision with a limit', async () => {
      const streamId = await givenFiveEvents();
      expect(revisions(await store().readStream(streamId))).toEqual([0, 1, 2, 3, 4]);
      expect(revisions(await store().readStream(streamId, { fromRevision: streamRevision(1), limit: 2 }))).toEqual([1, 2]);
    });
    it('reads backwards from the end or from a revision', async () => {
      const streamId = await givenFiveEvents();
      expect(revisions(await store().readStream(streamId, { direction: 'backwards', limit: 2 }))).toEqual([4, 3]);
      const fromTwo = await store().readStream(streamId, { direction: 'backwards', fromRevision: streamRevision(2) });
      expect(revisions(fromTwo)).toEqual([2, 1, 0]);
    });
    it('carries the written data and metadata, plus eventId and recordedAt from the store', async () => {
      const streamId = uniqueStreamId();
      const [event] = someEvents(1);
      await store().append(streamId, [event], 'no_stream');
      const [recorded] = await store().readStream(streamId);
      expect(recorded).toMatchObject({ streamId, revision: 0, eventId: event.eventId, type: event.type, data: event.data });
      expect(recorded.metadata).toMatchObject({ ...event.metadata, eventId: event.eventId });
      expect(new Date(recorded.metadata.recordedAt).toISOString()).toBe(recorded.metadata.recordedAt);
    });
    it('chains the hashes from the genesis hash, and verifyChain passes', async () => {
      const streamId = await givenFiveEvents();
      const events = await store().readStream(streamId);
      expect(events[0].metadata.previousHash).toBe(GENESIS_HASH);
      expect(events[3].metadata.previousHash).toBe(events[2].metadata.hash);
      expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.metadata.hash))).toBe(true);
      expect(verifyChain(events)).toEqual({ ok: true });
    });
  });

  describe('a stream appended to before and after an instant', () => {
    it('reads only what was recorded at or before that instant, in both directions', async () => {
      const streamId = uniqueStreamId();
      await store().append(streamId, someEvents(2), 'no_stream');
      await sleep(15);
      const instant = new Date().toISOString();
      await sleep(15);
      await store().append(streamId, someEvents(1), streamRevision(1));
      const asOf = await store().readStream(streamId, { recordedAtOrBefore: instant });
      expect(asOf.map((event) => event.revision)).toEqual([0, 1]);
      const backwards = await store().readStream(streamId, { recordedAtOrBefore: instant, direction: 'backwards', limit: 1 });
      expect(backwards.map((event) => event.revision)).toEqual([1]);
    });
  });

  describe('concurrent appenders on one stream', () => {
    it('lets exactly one win per revision; the others conflict', async () => {
      const streamId = uniqueStreamId();
      for (const expected of ['no_stream', streamRevision(0)] as const) {
        const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => store().append(streamId, someEvents(1), expected)));
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(StreamRevisionConflict);
        }
      }
      expect(await store().readStream(streamId)).toHaveLength(2);
    });
  });

  describe('large appends', () => {
    const payloadOf = (bytes: number) => ({ note: 'x'.repeat(bytes) });
    it('stores one append of four events just under 1 MiB in total, intact', async () => {
      const streamId = uniqueStreamId();
      const events = Array.from({ length: 4 }, () => newEvent('DocumentAttached', payloadOf(240 * 1024)));
      await store().append(streamId, events, 'no_stream');
      const read = await store().readStream(streamId);
      expect(read.map((event) => (event.data.note as string).length)).toEqual([1, 2, 3, 4].map(() => 240 * 1024));
    });
    it('stores a stream of more than 1 MiB written across appends', async () => {
      const streamId = uniqueStreamId();
      await store().append(streamId, [newEvent('DocumentAttached', payloadOf(700 * 1024))], 'no_stream');
      await store().append(streamId, [newEvent('DocumentAttached', payloadOf(700 * 1024))], streamRevision(0));
      expect(verifyChain(await store().readStream(streamId))).toEqual({ ok: true });
    });
    if (options.maxAppendBytes === undefined) {
      it('stores a single append of more than 1 MiB', async () => {
        const streamId = uniqueStreamId();
        await store().append(streamId, someEvents(1).map((event) => ({ ...event, data: payloadOf(1536 * 1024) })), 'no_stream');
        expect((await store().readStream(streamId))[0].data.note).toHaveLength(1536 * 1024);
      });
    } else {
      it('rejects a single append over the maximum append size, writing nothing', async () => {
        const streamId = uniqueStreamId();
        const events = [newEvent('DocumentAttached', payloadOf(options.maxAppendBytes ?? 0))];
        const failure = await store().append(streamId, events, 'no_stream').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(EventStoreRequestRejected);
        expect(failure).toMatchObject({ reason: 'APPEND_TOO_LARGE' });
        expect(await store().readStream(streamId)).toEqual([]);
      });
    }
  });
};
