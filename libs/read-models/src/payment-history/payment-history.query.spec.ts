import { Money, isDomainError, parsePaymentId } from '@ledger/domain';
import { ACCOUNT, Journal, d, openLoan } from '../event-views/journal.fixtures';
import { storeWith } from '../event-views/store.fixtures';
import { paymentHistoryProjection } from './payment-history.projection';
import { listPayments } from './payment-history.query';

/** Five mailed payments of 100.00 received on the 1st to the 5th of March, then one returned-free debit cancelled. */
const history = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  for (const day of [1, 2, 3, 4, 5]) {
    const on = `2026-03-0${day}`;
    journal.loan({ type: 'RecordExternalPayment', data: { paymentId: parsePaymentId(`mail-${day}`), channel: 'MAIL', amount: Money.parse('100.00'), receivedOn: d(on) } }, on);
  }
  journal.loan({ type: 'SchedulePayment', data: { paymentId: parsePaymentId('web-1'), amount: Money.parse('50.00'), scheduledFor: d('2026-03-20'), fundingSource: { fundingSourceId: 'fs-1', fundingLast4: '6789' } } }, '2026-03-06');
  journal.loan({ type: 'CancelPayment', data: { paymentId: parsePaymentId('web-1') } }, '2026-03-06');
  return storeWith([paymentHistoryProjection], journal.events);
};

const ids = (page: Awaited<ReturnType<typeof listPayments>>) => page?.items.map((item) => item.id);

describe('listPayments: six payments of one loan', () => {
  it('lists the newest effective date first', async () =>
    expect(ids(await listPayments(await history(), ACCOUNT))).toEqual(['web-1', 'mail-5', 'mail-4', 'mail-3', 'mail-2', 'mail-1']));
  it('pages with the cursor', async () => {
    const store = await history();
    const first = await listPayments(store, ACCOUNT, { limit: 4 });
    const second = await listPayments(store, ACCOUNT, { limit: 4, cursor: first?.nextCursor ?? undefined });
    expect([ids(first), ids(second), second?.nextCursor]).toEqual([['web-1', 'mail-5', 'mail-4', 'mail-3'], ['mail-2', 'mail-1'], null]);
  });
  it('filters by status', async () =>
    expect(ids(await listPayments(await history(), ACCOUNT, { status: 'CANCELLED' }))).toEqual(['web-1']));
  it('filters by effective date, both ends inclusive', async () =>
    expect(ids(await listPayments(await history(), ACCOUNT, { from: d('2026-03-02'), to: d('2026-03-04') }))).toEqual(['mail-4', 'mail-3', 'mail-2']));
  it('combines status and dates', async () =>
    expect(ids(await listPayments(await history(), ACCOUNT, { status: 'SETTLED', from: d('2026-03-05') }))).toEqual(['mail-5']));
  it('refuses a limit above 100', async () => {
    const error = await listPayments(await history(), ACCOUNT, { limit: 101 }).catch((caught: unknown) => caught);
    expect(isDomainError(error) && error.reason).toBe('LIMIT_OUT_OF_RANGE');
  });
});

describe('listPayments: a loan without payments', () => {
  it('answers an empty page', async () => {
    const journal = new Journal();
    journal.loan(openLoan(), '2026-01-10');
    expect(await listPayments(await storeWith([paymentHistoryProjection], journal.events), ACCOUNT)).toEqual({ items: [], nextCursor: null });
  });
});

describe('listPayments: an unknown loan', () => {
  it('answers null', async () => expect(await listPayments(await history(), '99999999')).toBeNull());
});
