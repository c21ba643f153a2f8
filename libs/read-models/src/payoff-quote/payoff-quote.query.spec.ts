import { isDomainError } from '@ledger/domain';
import { Journal, d, openLoan } from '../event-views/journal.fixtures';
import { storeWith } from '../event-views/store.fixtures';
import { loanBalanceProjection } from '../loan-balance/loan-balance.projection';
import { getPayoffQuote } from './payoff-quote.query';

// Expected values: python3 decimal, ROUND_HALF_UP; 24,710.99 * 0.0649 * 50 / 365 = 219.69 (2026-02-24 to 2026-04-15).
const paidOnce = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal.pay('pay-1', '489.04', '2026-02-24');
};
const quote = async (asOf: string) => getPayoffQuote(await storeWith([loanBalanceProjection], paidOnce().events), '12345678901', d(asOf));

describe('getPayoffQuote: one installment paid on 2026-02-24, quoted for 2026-04-15', () => {
  it('adds 50 days of interest since the posting', async () => expect((await quote('2026-04-15'))?.interestSinceLastPosting).toBe('219.69'));
  it('totals principal and interest', async () => expect((await quote('2026-04-15'))?.total).toBe('24930.68'));
  it('is good through the day asked for', async () => expect((await quote('2026-04-15'))?.goodThrough).toBe('2026-04-15'));
  it('names the per-diem interest', async () => expect((await quote('2026-04-15'))?.perDiem).toBe('4.39'));
});

describe('getPayoffQuote: quoted for the last posting date itself', () => {
  it('adds no interest', async () => expect((await quote('2026-02-24'))?.interestSinceLastPosting).toBe('0.00'));
});

describe('getPayoffQuote: asked for a date before the last posting', () => {
  it('is refused as invalid input', async () => {
    const error = await quote('2026-02-20').catch((caught: unknown) => caught);
    expect(isDomainError(error) && error.reason).toBe('PAYOFF_AS_OF_BEFORE_LAST_POSTING');
  });
});

describe('getPayoffQuote: an unknown loan', () => {
  it('answers null', async () =>
    expect(await getPayoffQuote(await storeWith([loanBalanceProjection], paidOnce().events), '99999999', d('2026-04-15'))).toBeNull());
});
