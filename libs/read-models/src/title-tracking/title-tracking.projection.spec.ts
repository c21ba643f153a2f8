import { Money, parsePaymentId } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { ACCOUNT, Journal, d, openLoan } from '../event-views/journal.fixtures';
import { storeWith } from '../event-views/store.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { TITLES_COLLECTION, TitleDocument, titleTrackingProjection } from './title-tracking.projection';
import { getTitleTracking } from './title-tracking.query';

const titleAfter = (events: readonly RecordedEvent[]) =>
  folded<TitleDocument>(foldProjection(titleTrackingProjection, events), TITLES_COLLECTION, ACCOUNT) as TitleDocument;

/** A loan in a paper-title state paid off by a mailed check of 30,000.00 received on 2026-01-20. */
const paidOff = (titleState = 'AL') => {
  const journal = new Journal();
  journal.loan(openLoan(ACCOUNT, { titleState }), '2026-01-10');
  journal.loan({ type: 'RecordExternalPayment', data: { paymentId: parsePaymentId('mail-1'), channel: 'MAIL', amount: Money.parse('30000.00'), receivedOn: d('2026-01-20') } }, '2026-01-20');
  return journal;
};

describe('title-tracking: a loan not paid off', () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  it('has not started', () => expect(titleAfter(journal.events).status).toBe('NOT_STARTED'));
  it('has an empty timeline', () => expect(titleAfter(journal.events).timeline).toEqual([]));
});

describe('title-tracking: paid off in a paper-title state', () => {
  const title = titleAfter(paidOff().events);
  it('awaits the lien release', () => expect(title.status).toBe('LIEN_RELEASE_REQUESTED'));
  it('is a paper release', () => expect(title.method).toBe('PAPER'));
  it('expects the release within 10 days of payoff', () => expect(title.expectedBy).toBe('2026-01-30'));
  it('shows payoff and request on the timeline', () => expect(title.timeline.map((entry) => entry.step)).toEqual(['PAID_OFF', 'LIEN_RELEASE_REQUESTED']));
});

describe('title-tracking: lien released, then the title mailed', () => {
  const journal = paidOff();
  journal.loan({ type: 'RecordLienReleased', data: { releasedOn: d('2026-01-25') } }, '2026-01-25');
  journal.loan({ type: 'RecordTitleMailed', data: { carrier: 'USPS', trackingNumber: '9400100000000000000000', mailedOn: d('2026-01-28') } }, '2026-01-28');
  const title = titleAfter(journal.events);
  it('is mailed', () => expect(title.status).toBe('TITLE_MAILED'));
  it('names the carrier and tracking number', () => expect([title.carrier, title.trackingNumber]).toEqual(['USPS', '9400100000000000000000']));
  it('expects delivery 10 days after mailing', () => expect(title.expectedBy).toBe('2026-02-07'));
  it('dates each step', () => expect(title.timeline.map((entry) => entry.on)).toEqual(['2026-01-20', '2026-01-20', '2026-01-25', '2026-01-28']));
});

describe('title-tracking: the title delivered', () => {
  const journal = paidOff();
  journal.loan({ type: 'RecordLienReleased', data: { releasedOn: d('2026-01-25') } }, '2026-01-25');
  journal.loan({ type: 'RecordTitleMailed', data: { carrier: 'USPS', trackingNumber: '94001', mailedOn: d('2026-01-28') } }, '2026-01-28');
  journal.loan({ type: 'RecordTitleDelivered', data: { deliveredOn: d('2026-02-02') } }, '2026-02-02');
  it('is delivered and expects nothing more', () => expect([titleAfter(journal.events).status, titleAfter(journal.events).expectedBy]).toEqual(['TITLE_DELIVERED', null]));
});

describe('title-tracking: an event delivered again', () => {
  it('changes nothing', () => {
    const { events } = paidOff();
    expect(titleAfter([...events, ...events])).toEqual(titleAfter(events));
  });
});

describe('getTitleTracking: overdue against the business date', () => {
  const asOf = async (date: string) => getTitleTracking(await storeWith([titleTrackingProjection], paidOff().events), ACCOUNT, d(date));
  it('is not overdue on the expected-by date itself', async () => expect((await asOf('2026-01-30'))?.overdue).toBe(false));
  it('is overdue the day after', async () => expect((await asOf('2026-01-31'))?.overdue).toBe(true));
  it('answers null for an unknown loan', async () =>
    expect(await getTitleTracking(await storeWith([titleTrackingProjection], paidOff().events), '99999999', d('2026-01-31'))).toBeNull());
});

describe('getTitleTracking: a loan never paid off', () => {
  it('is never overdue', async () => {
    const journal = new Journal();
    journal.loan(openLoan(), '2026-01-10');
    expect((await getTitleTracking(await storeWith([titleTrackingProjection], journal.events), ACCOUNT, d('2031-01-01')))?.overdue).toBe(false);
  });
});
