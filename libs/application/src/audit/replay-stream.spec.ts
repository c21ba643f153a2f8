import { fold, isDomainError, loanDecider, LoanEvent } from '@ledger/domain';
import { InMemoryEventStore } from '@ledger/event-store';
import { CUSTOMER, LOANS, randomHistories, storeWithHistory } from './audit.fixtures';
import { replayStream, toJson } from './replay-stream';

describe('replaying a loan stream as of an instant', () => {
  it.each(randomHistories(8, 7).map((steps, index) => [index, steps] as const))(
    'equals the fold of the events recorded by then, at every recordedAt (history %i)',
    async (_index, steps) => {
      const store = await storeWithHistory(steps);
      for (const streamId of LOANS) {
        const events = await store.readStream(streamId);
        for (const event of events) {
          const asOf = event.metadata.recordedAt;
          const prefix = events.filter((candidate) => candidate.metadata.recordedAt <= asOf);
          const replayed = await replayStream(store, streamId, { asOf });
          expect(replayed.state).toEqual(toJson(fold(loanDecider, prefix as unknown as LoanEvent[])));
          expect(replayed.events.map((applied) => applied.eventId)).toEqual(prefix.map((recorded) => recorded.eventId));
        }
      }
    },
  );

  it('folds a customer stream with the customer decider', async () => {
    const store = await storeWithHistory(randomHistories(1, 3)[0]);
    const replayed = await replayStream(store, CUSTOMER);
    expect(replayed.state).toMatchObject({ status: 'Registered' });
  });

  it('answers the initial state before the stream began, with no events', async () => {
    const store = await storeWithHistory(randomHistories(1, 3)[0]);
    const replayed = await replayStream(store, LOANS[0], { asOf: '2000-01-01T00:00:00Z' });
    expect(replayed).toMatchObject({ state: { status: 'NotOpened' }, events: [], revision: null, asOf: '2000-01-01T00:00:00.000Z' });
  });

  it.each([
    ['an unknown stream', 'loan-55555555', undefined, 'NotFound'],
    ['a stream that is not a loan or customer', 'business-days', undefined, 'NotFound'],
    ['an instant without a zone', LOANS[0], '2026-01-10T12:00:00', 'InvalidInput'],
    ['an impossible date', LOANS[0], '2026-02-30T12:00:00Z', 'InvalidInput'],
  ])('refuses %s', async (_case, streamId, asOf, kind) => {
    const store = await storeWithHistory(randomHistories(1, 3)[0], new InMemoryEventStore());
    const error = await replayStream(store, streamId, { asOf }).catch((caught: unknown) => caught);
    expect(isDomainError(error) && error.kind).toBe(kind);
  });
});
