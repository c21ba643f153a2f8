import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { at, cmd, d, history, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const PAYOFF_ON_JAN_30 = '25088.90'; // 25000.00 + 20 days of interest (88.90)

describe('an active loan receiving exactly its payoff on 2026-01-30', () => {
  const given = openedLoan().events;

  it('is paid off and requests an ELECTRONIC lien release in Texas, expected within 10 days', () => {
    const events = spec.given(given).when(cmd.external('x1', PAYOFF_ON_JAN_30, '2026-01-30'), at('2026-01-30')).thenEvents();
    expect(events.slice(1)).toEqual([
      { type: 'LoanPaidOff', data: { paidOffOn: d('2026-01-30'), overpayment: '0.00', paymentId: 'x1' } },
      { type: 'LienReleaseRequested', data: { method: 'ELECTRONIC', titleState: 'TX', requestedOn: d('2026-01-30'), expectedBy: d('2026-02-09') } },
    ]);
  });

  it('requests a PAPER lien release in a state without electronic titles', () => {
    const alabama = history().open({ titleState: 'AL' }).events;
    const events = spec.given(alabama).when(cmd.external('x1', PAYOFF_ON_JAN_30, '2026-01-30'), at('2026-01-30')).thenEvents();
    expect(events[2]).toEqual({
      type: 'LienReleaseRequested',
      data: { method: 'PAPER', titleState: 'AL', requestedOn: d('2026-01-30'), expectedBy: d('2026-02-09') },
    });
  });

  it('stays active when one cent is missing', () => {
    const events = spec.given(given).when(cmd.external('x1', '25088.89', '2026-01-30'), at('2026-01-30')).thenEvents();
    expect(events.map((event) => event.type)).toEqual(['PaymentSettled']);
  });
});

describe('an active loan receiving more than its payoff', () => {
  it('records the excess as the overpayment of the payoff and a refund due', () => {
    const paid = openedLoan().run(cmd.external('x1', '25100.00', '2026-01-30'), '2026-01-30');
    const [, , paidOff] = paid.events;
    expect([paidOff, paid.opened().refundDue.toString()]).toEqual([
      { type: 'LoanPaidOff', data: { paidOffOn: d('2026-01-30'), overpayment: '11.10', paymentId: 'x1' } },
      '11.10',
    ]);
  });
});

describe('a loan with a scheduled debit and AutoPay, paid off', () => {
  const given = openedLoan()
    .run(cmd.schedule('p1', '489.04', '2026-02-24'), '2026-01-20')
    .run(cmd.enrollAutoPay(), '2026-01-20').events;

  it('cancels the scheduled debit and AutoPay in the payoff decision', () => {
    const events = spec.given(given).when(cmd.external('x1', PAYOFF_ON_JAN_30, '2026-01-30'), at('2026-01-30')).thenEvents();
    expect(events.slice(3)).toEqual([
      { type: 'PaymentCancelled', data: { paymentId: 'p1', cancelledOn: d('2026-01-30'), reason: 'LOAN_PAID_OFF' } },
      { type: 'AutoPayCancelled', data: { cancelledOn: d('2026-01-30'), reason: 'LOAN_PAID_OFF' } },
    ]);
  });
});

describe('a paid-off loan', () => {
  const paidOff = () => openedLoan().run(cmd.external('x1', PAYOFF_ON_JAN_30, '2026-01-30'), '2026-01-30');

  it('refuses a new debit with LOAN_PAID_OFF', () => {
    spec.given(paidOff().events).when(cmd.schedule('p1', '10.00', '2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'LOAN_PAID_OFF');
  });
  it('has nothing to do on a servicing day', () => {
    spec.given(paidOff().events).when(cmd.day('2026-02-03'), at('2026-02-03')).then([]);
  });
  it('accepts a late external payment entirely as overpayment', () => {
    const [settled] = spec.given(paidOff().events).when(cmd.external('x2', '50.00', '2026-02-02'), at('2026-02-02')).thenEvents();
    expect(settled.type === 'PaymentSettled' && settled.data.allocation).toEqual({ interest: '0.00', fees: '0.00', principal: '0.00', overpayment: '50.00' });
  });

  it('is reactivated when the payoff payment is returned before the lien release', () => {
    spec.given(paidOff().events).when(cmd.return('x1', '2026-02-02'), at('2026-02-02')).then([
      {
        type: 'PaymentReturned',
        data: {
          paymentId: 'x1', returnCode: 'R01', returnedOn: d('2026-02-02'), interestPosted: '0.00', extraInterest: '13.34',
          restored: { interest: '88.90', fees: '0.00', principal: '25000.00', overpayment: '0.00' },
          feesRestored: [],
          balancesAfter: { principal: '25000.00', accruedInterest: '102.24', fees: '0.00' },
          requiresManualReview: false,
        },
      },
      { type: 'LoanReactivated', data: { reactivatedOn: d('2026-02-02'), paymentId: 'x1', returnCode: 'R01' } },
      {
        type: 'FeeCharged',
        data: { feeId: 'returned-x1', kind: 'RETURNED_PAYMENT', amount: '25.00', cycle: 1, reason: 'Payment x1 returned R01', chargedOn: d('2026-02-02') },
      },
    ]);
  });

  it('is flagged for manual review, not reactivated, when the lien was already released', () => {
    const released = paidOff().run(cmd.lienReleased('2026-02-01'), '2026-02-01').events;
    const events = spec.given(released).when(cmd.return('x1', '2026-02-02'), at('2026-02-02')).thenEvents();
    expect(events.map((event) => [event.type, event.type === 'PaymentReturned' && event.data.requiresManualReview])).toEqual([
      ['PaymentReturned', true],
    ]);
  });
});

describe('a paid-off loan with 11.10 of refund due', () => {
  const overpaid = () => openedLoan().run(cmd.external('x1', '25100.00', '2026-01-30'), '2026-01-30');

  it('records a refund of the amount due', () => {
    spec.given(overpaid().events).when(cmd.refund('r1', '11.10', '2026-02-01'), at('2026-02-01')).then([
      { type: 'OverpaymentRefunded', data: { refundId: 'r1', amount: '11.10', refundedOn: d('2026-02-01') } },
    ]);
  });
  it('refuses a refund above the amount due with REFUND_EXCEEDS_DUE', () => {
    spec.given(overpaid().events).when(cmd.refund('r1', '11.11', '2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'REFUND_EXCEEDS_DUE');
  });
  it('refuses a zero refund with AMOUNT_NOT_POSITIVE', () => {
    spec.given(overpaid().events).when(cmd.refund('r1', '0.00', '2026-02-01'), at('2026-02-01')).thenRefuses('InvalidInput', 'AMOUNT_NOT_POSITIVE');
  });
  it('refuses a refund dated after the business date with REFUND_DATE_IN_FUTURE', () => {
    spec.given(overpaid().events).when(cmd.refund('r1', '1.00', '2026-02-02'), at('2026-02-01')).thenRefuses('InvalidInput', 'REFUND_DATE_IN_FUTURE');
  });
  it('flags for manual review a return of the payment whose overpayment was already refunded', () => {
    const refunded = overpaid().run(cmd.refund('r1', '11.10', '2026-02-01'), '2026-02-01').events;
    const [returned] = spec.given(refunded).when(cmd.return('x1', '2026-02-02'), at('2026-02-02')).thenEvents();
    expect(returned.type === 'PaymentReturned' && returned.data.requiresManualReview).toBe(true);
  });
});

describe('an active loan without overpayment', () => {
  it('refuses a refund with NO_REFUND_DUE', () => {
    spec.given(openedLoan().events).when(cmd.refund('r1', '1.00', '2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'NO_REFUND_DUE');
  });
});
