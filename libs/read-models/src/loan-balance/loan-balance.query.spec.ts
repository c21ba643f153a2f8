import { Journal, openLoan } from '../event-views/journal.fixtures';
import { storeWith } from '../event-views/store.fixtures';
import { loanBalanceProjection } from './loan-balance.projection';
import { getLoanBalance } from './loan-balance.query';
import { d } from '../event-views/journal.fixtures';

/*
 * Expected figures were computed independently with python3's decimal module (ROUND_HALF_UP):
 * interest = round(principal * 0.0649 * days / 365, 2). The loan: 25,000.00 at 6.49 %, opened
 * 2026-01-10, installment 489.04, due on the 24th from 2026-02-24.
 */

const balanceOf = async (journal: Journal, asOf: string) =>
  getLoanBalance(await storeWith([loanBalanceProjection], journal.events), '12345678901', d(asOf));

const openedOnly = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal;
};

describe('getLoanBalance: a loan opened on 2026-01-10, asked on 2026-02-01', () => {
  const answer = () => balanceOf(openedOnly(), '2026-02-01');
  it('accrues 22 days of interest since origination', async () => expect((await answer())?.interestSinceLastPosting).toBe('97.79'));
  it('quotes the payoff', async () => expect((await answer())?.payoffToday).toBe('25097.79'));
  it('asks for the first installment', async () => expect((await answer())?.amountDue).toBe('489.04'));
  it('is due on 2026-02-24', async () => expect((await answer())?.nextDueDate).toBe('2026-02-24'));
  it('is not past due', async () => expect((await answer())?.daysPastDue).toBe(0));
});

describe('getLoanBalance: nothing paid, the daily cycle run to 2026-03-10', () => {
  const answer = async () => {
    const journal = openedOnly();
    journal.days('2026-02-01', '2026-03-10');
    return balanceOf(journal, '2026-03-10');
  };
  it('accrues 59 days of interest', async () => expect((await answer())?.interestSinceLastPosting).toBe('262.27'));
  it('owes the late fee', async () => expect((await answer())?.fees).toBe('24.45'));
  it('quotes principal, interest and the fee', async () => expect((await answer())?.payoffToday).toBe('25286.72'));
  it('asks for two installments and the fee', async () => expect((await answer())?.amountDue).toBe('1002.53'));
  it('shows the first installment past due', async () => expect((await answer())?.pastDueAmount).toBe('489.04'));
  it('counts days past due from 2026-02-24', async () => expect((await answer())?.daysPastDue).toBe(14));
  it('is next due on 2026-03-24', async () => expect((await answer())?.nextDueDate).toBe('2026-03-24'));
});

describe('getLoanBalance: the first installment paid on 2026-02-24, asked on 2026-03-01', () => {
  const answer = async () => balanceOf(openedOnly().pay('pay-1', '489.04', '2026-02-24'), '2026-03-01');
  it('owes the principal left after the payment', async () => expect((await answer())?.principal).toBe('24710.99'));
  it('accrues 5 days on the new principal', async () => expect((await answer())?.interestSinceLastPosting).toBe('21.97'));
  it('quotes the payoff', async () => expect((await answer())?.payoffToday).toBe('24732.96'));
  it('asks for the second installment only', async () => expect((await answer())?.amountDue).toBe('489.04'));
  it('is not past due', async () => expect((await answer())?.pastDueAmount).toBe('0.00'));
  it('shows the payment', async () => expect((await answer())?.lastPayment?.id).toBe('pay-1'));
  it('is not enrolled in AutoPay', async () => expect((await answer())?.autopay).toEqual({ enrolled: false }));
});

describe('getLoanBalance: an unknown account', () => {
  it('answers null for another account number', async () =>
    expect(await getLoanBalance(await storeWith([loanBalanceProjection], openedOnly().events), '99999999', d('2026-02-01'))).toBeNull());
});
