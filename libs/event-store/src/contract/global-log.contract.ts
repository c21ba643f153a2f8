import { compareGlobalPositions, streamRevision } from '../event-envelope';
import { EventStore } from '../event-store.port';
import {
  caughtUpIndex,
  deliveredEventIds,
  newEvent,
  pullUntil,
  someEvents,
  UPCAST_PROBE_TYPE,
  uniqueStreamId,
} from './contract-fixtures';

/** The global log: order, exclusive positions, prefix filters, subscriptions and upcasting. */
export const describeGlobalLog = (store: () => EventStore): void => {
  /** Two prefixes unique to the test, so a shared server's other streams never match. */
  const givenInterleavedStreams = async () => {
    const loanPrefix = `${uniqueStreamId('loan')}-`;
    const customerPrefix = `${uniqueStreamId('customer')}-`;
    const written = [];
    for (const streamId of [`${loanPrefix}1`, `${customerPrefix}1`, `${loanPrefix}2`, `${loanPrefix}1`]) {
      const current = await store().readStream(streamId);
      const expected = current.length === 0 ? 'no_stream' : streamRevision(current.length - 1);
      const events = someEvents(2);
      const result = await store().append(streamId, events, expected);
      written.push({ streamId, events, result });
    }
    return { loanPrefix, customerPrefix, written };
  };

  describe('the global log', () => {
    it('reads in append order with strictly increasing positions, after an exclusive position', async () => {
      const { loanPrefix, customerPrefix, written } = await givenInterleavedStreams();
      const prefixes = [loanPrefix, customerPrefix];
      const all = await store().readAll({ streamPrefixes: prefixes });
      const expectedIds = written.flatMap((append) => append.events.map((event) => event.eventId));
      expect(all.map((event) => event.eventId)).toEqual(expectedIds);
      for (let index = 1; index < all.length; index += 1) {
        expect(compareGlobalPositions(all[index - 1].position, all[index].position)).toBe(-1);
      }
      const after = await store().readAll({ streamPrefixes: prefixes, afterPosition: all[2].position, limit: 3 });
      expect(after.map((event) => event.eventId)).toEqual(expectedIds.slice(3, 6));
      expect(all[7].position).toBe(written[3].result.position);
    });
    it('filters by stream prefix', async () => {
      const { loanPrefix, written } = await givenInterleavedStreams();
      const loans = await store().readAll({ streamPrefixes: [loanPrefix] });
      const expectedIds = written.filter((append) => append.streamId.startsWith(loanPrefix)).flatMap((append) => append.events.map((event) => event.eventId));
      expect(loans.map((event) => event.eventId)).toEqual(expectedIds);
    });
    it('has its head at the position of the last append', async () => {
      const result = await store().append(uniqueStreamId(), someEvents(1), 'no_stream');
      expect(await store().headPosition()).toBe(result.position);
    });
  });

  describe('a subscription to the global log', () => {
    it('catches up on history, says so, then delivers live events', async () => {
      const { loanPrefix, written } = await givenInterleavedStreams();
      const subscription = store().subscribeToAll({ streamPrefixes: [loanPrefix] });
      try {
        const history = await pullUntil(subscription, (received) => caughtUpIndex(received) >= 0);
        const historicIds = written.filter((append) => append.streamId.startsWith(loanPrefix)).flatMap((append) => append.events.map((event) => event.eventId));
        expect(deliveredEventIds(history)).toEqual(historicIds);
        const live = someEvents(2);
        await store().append(`${loanPrefix}3`, live, 'no_stream');
        const delivered = await pullUntil(subscription, (received) => deliveredEventIds(received).length >= 2);
        expect(deliveredEventIds(delivered)).toEqual(live.map((event) => event.eventId));
      } finally {
        await subscription.close();
      }
    });
    it('from a checkpoint, neither skips nor repeats an event', async () => {
      const { loanPrefix, customerPrefix } = await givenInterleavedStreams();
      const prefixes = [loanPrefix, customerPrefix];
      const all = await store().readAll({ streamPrefixes: prefixes });
      const subscription = store().subscribeToAll({ streamPrefixes: prefixes, afterPosition: all[4].position, maxBatchSize: 2 });
      try {
        const history = await pullUntil(subscription, (received) => caughtUpIndex(received) >= 0);
        expect(deliveredEventIds(history)).toEqual(all.slice(5).map((event) => event.eventId));
      } finally {
        await subscription.close();
      }
    });
  });

  describe('an event of an old schema version', () => {
    it('is upcast on every read path', async () => {
      const streamPrefix = `${uniqueStreamId('upcast')}-`;
      const streamId = `${streamPrefix}1`;
      await store().append(streamId, [newEvent(UPCAST_PROBE_TYPE, { amount: '10.00' }, 1)], 'no_stream');
      const expected = { type: UPCAST_PROBE_TYPE, data: { amountPaid: '10.00' }, metadata: expect.objectContaining({ schemaVersion: 2 }) };
      expect((await store().readStream(streamId))[0]).toMatchObject(expected);
      expect((await store().readAll({ streamPrefixes: [streamPrefix] }))[0]).toMatchObject(expected);
      const subscription = store().subscribeToAll({ streamPrefixes: [streamPrefix] });
      try {
        const [first] = await pullUntil(subscription, (received) => received.length > 0);
        expect(first.kind === 'events' && first.events[0]).toMatchObject(expected);
      } finally {
        await subscription.close();
      }
    });
  });
};
