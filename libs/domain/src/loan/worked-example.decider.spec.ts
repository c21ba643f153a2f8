import { addDays } from '../calendar/business-date';
import { loanSummary } from './loan.figures';
import { LoanCommand } from './loan.commands';
import { LoanHistory, cmd, d, history } from './testing/loan-fixtures';

/*
 * docs/worked-example.md, asserted figure by figure. The expected values were computed
 * independently with Python's decimal module (ROUND_HALF_UP) and are hard-coded here and in the
 * document: if the decider drifts, this spec fails.
 */

const SCRIPT: Record<string, LoanCommand[]> = {
  '2026-02-01': [cmd.schedule('p1', '489.04', '2026-02-24')],
  '2026-02-26': [cmd.settle('p1', '2026-02-26')],
  '2026-04-06': [cmd.external('x2', '489.04', '2026-04-06', 'MAIL')],
  '2026-04-10': [cmd.schedule('p3', '489.04', '2026-04-24')],
  '2026-04-24': [cmd.settle('p3', '2026-04-24')],
  '2026-04-28': [cmd.return('p3', '2026-04-28', 'R01')],
  '2026-05-01': [cmd.external('x3', '489.04', '2026-05-01', 'BANK_BILL_PAY')],
  '2026-05-10': [cmd.schedule('p4', '489.04', '2026-05-24')],
  '2026-05-26': [cmd.settle('p4', '2026-05-26')],
  '2026-06-05': [cmd.schedule('p5', '1000.00', '2026-06-10')],
  '2026-06-12': [cmd.settle('p5', '2026-06-12')],
  '2026-07-03': [cmd.schedule('p6', '27.53', '2026-07-24')],
  '2026-07-24': [cmd.settle('p6', '2026-07-24')],
};

/** Every business day from origination to the sixth due date: the daily cycle, then that day's commands. */
function runExample(): LoanHistory {
  const loan = history().open();
  for (let date = d('2026-01-10'); date <= d('2026-07-24'); date = addDays(date, 1)) {
    loan.run(cmd.day(date), date);
    for (const command of SCRIPT[date] ?? []) loan.run(command, date);
  }
  return loan;
}

describe('the worked example: 25,000.00 at 6.49% over 60 months, through six cycles', () => {
  const loan = runExample();
  const events = loan.events;

  it('has an installment of 489.04', () => {
    const [opened] = events;
    expect(opened.type === 'LoanOpened' && opened.data.terms.installment).toBe('489.04');
  });

  it('issues six statements with these amounts due, past due, fees and payoffs', () => {
    const statements = events.flatMap((event) =>
      event.type === 'StatementIssued'
        ? [[event.data.cycle, event.data.statementDate, event.data.dueDate, event.data.amountDue, event.data.pastDue, event.data.feesDue, event.data.payoffOnDueDate]]
        : [],
    );
    expect(statements).toEqual([
      [1, '2026-02-03', '2026-02-24', '489.04', '0.00', '0.00', '25200.03'],
      [2, '2026-03-03', '2026-03-24', '489.04', '0.00', '0.00', '24834.02'],
      [3, '2026-04-03', '2026-04-24', '978.08', '489.04', '0.00', '24970.23'],
      [4, '2026-05-03', '2026-05-24', '538.49', '0.00', '0.00', '24169.53'],
      [5, '2026-06-03', '2026-06-24', '538.49', '0.00', '0.00', '23811.02'],
      [6, '2026-07-03', '2026-07-24', '27.53', '0.00', '0.00', '22930.07'],
    ]);
  });

  it('settles seven payments with this interest posted and allocation', () => {
    const settlements = events.flatMap((event) =>
      event.type === 'PaymentSettled'
        ? [[
            event.data.paymentId, event.data.effectiveDate, event.data.amount, event.data.interestPosted, event.data.allocation.fees,
            event.data.allocation.interest, event.data.allocation.principal, event.data.allocation.overpayment, event.data.balancesAfter.principal,
            event.data.balancesAfter.accruedInterest,
          ]]
        : [],
    );
    expect(settlements).toEqual([
      ['p1', '2026-02-24', '489.04', '200.03', '0.00', '200.03', '289.01', '0.00', '24710.99', '0.00'],
      ['x2', '2026-04-06', '489.04', '180.15', '24.45', '180.15', '284.44', '0.00', '24426.55', '0.00'],
      ['p3', '2026-04-24', '489.04', '78.18', '0.00', '78.18', '410.86', '0.00', '24015.69', '0.00'],
      ['x3', '2026-05-01', '489.04', '13.03', '25.00', '108.58', '355.46', '0.00', '24071.09', '0.00'],
      ['p4', '2026-05-24', '489.04', '98.44', '0.00', '98.44', '390.60', '0.00', '23680.49', '0.00'],
      ['p5', '2026-06-10', '1000.00', '71.58', '0.00', '71.58', '928.42', '0.00', '22752.07', '0.00'],
      ['p6', '2026-07-24', '27.53', '178.00', '0.00', '27.53', '0.00', '0.00', '22752.07', '150.47'],
    ]);
  });

  it('charges one late fee (cycle 2, 24.45) and one returned-payment fee (25.00)', () => {
    const fees = events.flatMap((event) => (event.type === 'FeeCharged' ? [[event.data.feeId, event.data.kind, event.data.amount, event.data.chargedOn]] : []));
    expect(fees).toEqual([
      ['late-2', 'LATE', '24.45', '2026-04-04'],
      ['returned-p3', 'RETURNED_PAYMENT', '25.00', '2026-04-28'],
    ]);
  });

  it('returns p3 with 17.08 interest posted, 0.29 extra interest and its allocation restored', () => {
    const returned = events.find((event) => event.type === 'PaymentReturned');
    expect(returned?.type === 'PaymentReturned' && [returned.data.interestPosted, returned.data.extraInterest, returned.data.restored, returned.data.balancesAfter]).toEqual([
      '17.08', '0.29', { interest: '78.18', fees: '0.00', principal: '410.86', overpayment: '0.00' },
      { principal: '24426.55', accruedInterest: '95.55', fees: '0.00' },
    ]);
  });

  it('ends cycle 6 owing 22752.07 principal and 150.47 interest, 2983.69 received', () => {
    const state = loan.opened();
    const summary = loanSummary(state, d('2026-07-24'));
    expect([summary.principal, summary.accruedInterest, summary.fees, summary.payoff, state.received].map(String)).toEqual([
      '22752.07', '150.47', '0.00', '22902.54', '2983.69',
    ]);
  });

  it('charges no late fee for cycles 1, 3, 4 and 5', () => {
    const lateCycles = events.flatMap((event) => (event.type === 'FeeCharged' && event.data.kind === 'LATE' ? [event.data.cycle] : []));
    expect(lateCycles).toEqual([2]);
  });
});
