import { ACCOUNT, Journal, d, openLoan } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { storeWith } from '../event-views/store.fixtures';
import { PROGRESS_COLLECTION, PayoffProgressDocument, payoffProgressProjection } from './payoff-progress.projection';
import { getPayoffProgress, percentOf } from './payoff-progress.query';

const paidOnce = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal.pay('pay-1', '489.04', '2026-02-24');
};

describe('payoff-progress: one installment paid', () => {
  const progress = folded<PayoffProgressDocument>(foldProjection(payoffProgressProjection, paidOnce().events), PROGRESS_COLLECTION, ACCOUNT);
  it('counts one payment', () => expect(progress?.paymentsMade).toBe(1));
  it('counts the interest it paid', () => expect(progress?.interestPaid).toBe('200.03'));
  it('holds the principal left', () => expect(progress?.principal).toBe('24710.99'));
  it('changes nothing when the settlement is delivered again', () => {
    const { events } = paidOnce();
    expect(foldProjection(payoffProgressProjection, [...events, events[events.length - 1]])).toEqual(foldProjection(payoffProgressProjection, events));
  });
});

describe('getPayoffProgress: one installment paid, asked on 2026-03-01', () => {
  const answer = async () => getPayoffProgress(await storeWith([payoffProgressProjection], paidOnce().events), ACCOUNT, d('2026-03-01'));
  // 289.01 / 25000.00 = 1.15604 % -> 1.16 (python3 decimal, ROUND_HALF_UP).
  it('shows the principal paid in percent', async () => expect((await answer())?.percentPaid).toBe('1.16'));
  it('shows the principal paid', async () => expect((await answer())?.principalPaid).toBe('289.01'));
  // The 45-day first period leaves 84.21 after the 60th installment (python3 simulation): one more small payment.
  it('projects the payoff a month after maturity when paying on schedule', async () => expect((await answer())?.projectedPayoffDate).toBe('2031-02-24'));
  it('names the maturity date', async () => expect((await answer())?.maturityDate).toBe('2031-01-24'));
});

describe('percentOf', () => {
  it.each([
    ['0.00', '25000.00', '0.00'],
    ['12.50', '25000.00', '0.05'],
    ['12.49', '25000.00', '0.05'],
    ['12.24', '25000.00', '0.05'],
    ['12.25', '25000.00', '0.05'],
    ['25000.00', '25000.00', '100.00'],
    ['1.00', '3.00', '33.33'],
    ['2.00', '3.00', '66.67'],
  ])('%s of %s is %s %%', (part, whole, percent) => expect(percentOf(part, whole)).toBe(percent));
});
