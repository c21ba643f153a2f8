import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { FUNDING, at, cmd, d, history, m, openedLoan } from './testing/loan-fixtures';
import { parsePaymentId } from './loan.ids';

const spec = deciderSpecification(loanDecider);

describe('an active loan with nothing scheduled', () => {
  const given = openedLoan().events;

  it('schedules an ONLINE one-time debit for the cycle due on or after its date', () => {
    spec.given(given).when(cmd.schedule('p1', '489.04', '2026-02-24'), at('2026-02-01')).then([
      {
        type: 'PaymentScheduled',
        data: {
          paymentId: 'p1', amount: '489.04', scheduledFor: d('2026-02-24'), channel: 'ONLINE', source: 'ONE_TIME',
          cycle: 1, fundingSourceId: 'fs-1', fundingLast4: '6789', scheduledOn: d('2026-02-01'),
        },
      },
    ]);
  });

  it('attributes a debit dated the day after a due date to the next cycle', () => {
    const [scheduled] = spec.given(given).when(cmd.schedule('p1', '100.00', '2026-02-25'), at('2026-02-25')).thenEvents();
    expect(scheduled.type === 'PaymentScheduled' && scheduled.data.cycle).toBe(2);
  });

  it('schedules for today and for exactly 60 days ahead', () => {
    spec.given(given).when(cmd.schedule('p1', '1.00', '2026-02-01'), at('2026-02-01')).thenEvents();
    const [far] = spec.given(given).when(cmd.schedule('p2', '1.00', '2026-04-02'), at('2026-02-01')).thenEvents();
    expect(far.type).toBe('PaymentScheduled');
  });

  it('refuses a date before the business date with SCHEDULED_DATE_IN_PAST', () => {
    spec.given(given).when(cmd.schedule('p1', '489.04', '2026-01-31'), at('2026-02-01')).thenRefuses('InvalidInput', 'SCHEDULED_DATE_IN_PAST');
  });

  it('refuses a date 61 days ahead with SCHEDULED_DATE_TOO_FAR', () => {
    spec.given(given).when(cmd.schedule('p1', '489.04', '2026-04-03'), at('2026-02-01')).thenRefuses('InvalidInput', 'SCHEDULED_DATE_TOO_FAR');
  });

  it('refuses a zero amount with AMOUNT_NOT_POSITIVE', () => {
    spec.given(given).when(cmd.schedule('p1', '0.00', '2026-02-24'), at('2026-02-01')).thenRefuses('InvalidInput', 'AMOUNT_NOT_POSITIVE');
  });

  it('refuses a funding account without 4 last digits with FUNDING_LAST4_FORMAT', () => {
    const command = {
      type: 'SchedulePayment' as const,
      data: { paymentId: parsePaymentId('p1'), amount: m('10.00'), scheduledFor: d('2026-02-24'), fundingSource: { ...FUNDING, fundingLast4: '67' } },
    };
    spec.given(given).when(command, at('2026-02-01')).thenRefuses('InvalidInput', 'FUNDING_LAST4_FORMAT');
  });

  it('refuses to cancel an unknown payment with PAYMENT_NOT_FOUND', () => {
    spec.given(given).when(cmd.cancel('nope'), at('2026-02-01')).thenRefuses('NotFound', 'PAYMENT_NOT_FOUND');
  });
});

describe('a loan with a debit scheduled for 2026-02-24', () => {
  const given = openedLoan().run(cmd.schedule('p1', '489.04', '2026-02-24'), '2026-02-01').events;

  it('refuses the same payment id again with PAYMENT_ALREADY_EXISTS', () => {
    spec.given(given).when(cmd.schedule('p1', '10.00', '2026-02-24'), at('2026-02-02')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_EXISTS');
  });

  it('cancels it at the borrower request', () => {
    spec.given(given).when(cmd.cancel('p1'), at('2026-02-10')).then([
      { type: 'PaymentCancelled', data: { paymentId: 'p1', cancelledOn: d('2026-02-10'), reason: 'BORROWER_REQUEST' } },
    ]);
  });

  it('submits it on its date', () => {
    spec.given(given).when(cmd.submit('p1'), at('2026-02-24')).then([
      { type: 'PaymentSubmitted', data: { paymentId: 'p1', submittedOn: d('2026-02-24') } },
    ]);
  });

  it('refuses to submit it before its date with PAYMENT_NOT_DUE', () => {
    spec.given(given).when(cmd.submit('p1'), at('2026-02-23')).thenRefuses('RuleViolated', 'PAYMENT_NOT_DUE');
  });

  it('refuses a settlement before submission with PAYMENT_NOT_SUBMITTED', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-24'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_NOT_SUBMITTED');
  });

  it('refuses a return before settlement with PAYMENT_NOT_SETTLED', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-26'), at('2026-02-26')).thenRefuses('RuleViolated', 'PAYMENT_NOT_SETTLED');
  });
});

describe('a cancelled debit', () => {
  const given = openedLoan().run(cmd.schedule('p1', '489.04', '2026-02-24'), '2026-02-01').run(cmd.cancel('p1'), '2026-02-02').events;

  it('refuses a second cancellation with PAYMENT_ALREADY_CANCELLED', () => {
    spec.given(given).when(cmd.cancel('p1'), at('2026-02-03')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_CANCELLED');
  });
  it('refuses submission with PAYMENT_CANCELLED', () => {
    spec.given(given).when(cmd.submit('p1'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_CANCELLED');
  });
  it('refuses settlement with PAYMENT_CANCELLED', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-24'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_CANCELLED');
  });
  it('refuses a return with PAYMENT_CANCELLED', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-24'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_CANCELLED');
  });
});

describe('a debit submitted on its date 2026-02-24', () => {
  const given = openedLoan().run(cmd.schedule('p1', '489.04', '2026-02-24'), '2026-02-01').run(cmd.submit('p1'), '2026-02-24').events;

  it('settles: 45 days of interest posted (200.03), the rest to principal', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-26'), at('2026-02-26')).then([
      {
        type: 'PaymentSettled',
        data: {
          paymentId: 'p1', amount: '489.04', effectiveDate: d('2026-02-24'), settledOn: d('2026-02-26'),
          channel: 'ONLINE', source: 'ONE_TIME', cycle: 1, thirdPartyFee: '0.00', interestPosted: '200.03',
          allocation: { interest: '200.03', fees: '0.00', principal: '289.01', overpayment: '0.00' },
          feesPaid: [],
          balancesAfter: { principal: '24710.99', accruedInterest: '0.00', fees: '0.00' },
        },
      },
    ]);
  });

  it('refuses cancellation with PAYMENT_ALREADY_SUBMITTED', () => {
    spec.given(given).when(cmd.cancel('p1'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_SUBMITTED');
  });
  it('refuses a second submission with PAYMENT_ALREADY_SUBMITTED', () => {
    spec.given(given).when(cmd.submit('p1'), at('2026-02-24')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_SUBMITTED');
  });
  it('refuses a settlement dated before the payment date with SETTLED_BEFORE_EFFECTIVE_DATE', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-23'), at('2026-02-24')).thenRefuses('InvalidInput', 'SETTLED_BEFORE_EFFECTIVE_DATE');
  });
  it('refuses to settle an unknown payment with PAYMENT_NOT_FOUND', () => {
    spec.given(given).when(cmd.settle('p9', '2026-02-24'), at('2026-02-24')).thenRefuses('NotFound', 'PAYMENT_NOT_FOUND');
  });
});

describe('a loan with an unpaid 30.00 fee', () => {
  const given = openedLoan().run(cmd.chargeFee('f1', '30.00'), '2026-01-20').events;

  it('pays the fee first, then interest, then principal', () => {
    const [settled] = spec.given(given).when(cmd.external('x1', '489.04', '2026-02-24'), at('2026-02-24')).thenEvents();
    expect(settled.type === 'PaymentSettled' && [settled.data.allocation, settled.data.feesPaid]).toEqual([
      { interest: '200.03', fees: '30.00', principal: '259.01', overpayment: '0.00' },
      [{ feeId: 'f1', amount: '30.00' }],
    ]);
  });
});

describe('a debit settled on 2026-02-24', () => {
  const given = history().open().pay('p1', '489.04', '2026-02-24').events;

  it('is returned R01: 3 days of interest posted, 0.15 extra interest, allocation restored, fee 25.00', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-27'), at('2026-02-27')).then([
      {
        type: 'PaymentReturned',
        data: {
          paymentId: 'p1', returnCode: 'R01', returnedOn: d('2026-02-27'), interestPosted: '13.18', extraInterest: '0.15',
          restored: { interest: '200.03', fees: '0.00', principal: '289.01', overpayment: '0.00' },
          feesRestored: [],
          balancesAfter: { principal: '25000.00', accruedInterest: '213.36', fees: '0.00' },
          requiresManualReview: false,
        },
      },
      {
        type: 'FeeCharged',
        data: { feeId: 'returned-p1', kind: 'RETURNED_PAYMENT', amount: '25.00', cycle: 1, reason: 'Payment p1 returned R01', chargedOn: d('2026-02-27') },
      },
    ]);
  });

  it('refuses a second settlement with PAYMENT_ALREADY_SETTLED', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-25'), at('2026-02-25')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_SETTLED');
  });
  it('refuses a return dated before the payment date with RETURNED_BEFORE_EFFECTIVE_DATE', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-23'), at('2026-02-27')).thenRefuses('InvalidInput', 'RETURNED_BEFORE_EFFECTIVE_DATE');
  });
  it('refuses a return code outside R01 to R99 with RETURN_CODE_UNKNOWN', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-27', 'R00'), at('2026-02-27')).thenRefuses('InvalidInput', 'RETURN_CODE_UNKNOWN');
  });
});

describe('a returned debit', () => {
  const given = history().open().pay('p1', '489.04', '2026-02-24').run(cmd.return('p1', '2026-02-27'), '2026-02-27').events;

  it('refuses a second return with PAYMENT_ALREADY_RETURNED', () => {
    spec.given(given).when(cmd.return('p1', '2026-02-28'), at('2026-02-28')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_RETURNED');
  });
  it('refuses a settlement with PAYMENT_ALREADY_RETURNED', () => {
    spec.given(given).when(cmd.settle('p1', '2026-02-28'), at('2026-02-28')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_RETURNED');
  });
  it('owes principal, the interest again and the returned-payment fee', () => {
    const state = history().open().pay('p1', '489.04', '2026-02-24').run(cmd.return('p1', '2026-02-27'), '2026-02-27').opened();
    expect([state.principal.toString(), state.accruedInterest.toString(), state.received.toString(), state.fees[0].amount.toString()]).toEqual([
      '25000.00', '213.36', '0.00', '25.00',
    ]);
  });
});
