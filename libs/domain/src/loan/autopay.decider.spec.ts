import { deciderSpecification } from '../testing/decider-specification';
import { fold } from '../shared/decider';
import { loanDecider } from './loan.decide';
import { FUNDING, at, cmd, d, m, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const DUE_1 = '2026-02-24';

describe('an active loan without AutoPay', () => {
  const given = openedLoan().events;

  it('enrols with the amount-due rule and drafts on the due date by default', () => {
    spec.given(given).when(cmd.enrollAutoPay(), at('2026-01-20')).then([
      {
        type: 'AutoPayEnrolled',
        data: {
          fundingSourceId: 'fs-1', fundingLast4: '6789', amountRule: 'AMOUNT_DUE', fixedAmount: null, extraPrincipal: '0.00',
          draftDaysBeforeDue: 0, enrolledOn: d('2026-01-20'),
        },
      },
    ]);
  });

  const refusals: Array<[string, Parameters<typeof cmd.enrollAutoPay>[0], string]> = [
    ['a routing number with a bad ABA checksum', { routingNumber: '011000016' }, 'ROUTING_NUMBER_CHECKSUM'],
    ['a draft day 16 days before the due date', { draftDaysBeforeDue: 16 }, 'DRAFT_DAY_OUT_OF_RANGE'],
    ['a negative draft day', { draftDaysBeforeDue: -1 }, 'DRAFT_DAY_OUT_OF_RANGE'],
    ['a fixed amount below the installment', { amountRule: 'FIXED', fixedAmount: m('489.03') }, 'FIXED_AMOUNT_BELOW_INSTALLMENT'],
    ['a FIXED rule without an amount', { amountRule: 'FIXED' }, 'FIXED_AMOUNT_REQUIRED'],
    ['a fixed amount with the amount-due rule', { fixedAmount: m('500.00') }, 'FIXED_AMOUNT_NOT_APPLICABLE'],
    ['a funding account without an id', { fundingSource: { ...FUNDING, fundingSourceId: '' } }, 'FUNDING_SOURCE_MISSING'],
  ];
  it.each(refusals)('refuses %s', (_what, overrides, reason) => {
    spec.given(given).when(cmd.enrollAutoPay(overrides), at('2026-01-20')).thenRefuses('InvalidInput', reason);
  });

  it('refuses a cancellation with AUTOPAY_NOT_ENROLLED', () => {
    spec.given(given).when(cmd.cancelAutoPay(), at('2026-01-20')).thenRefuses('RuleViolated', 'AUTOPAY_NOT_ENROLLED');
  });

  it('makes no draft on the due date', () => {
    spec.given(given).when(cmd.day(DUE_1), at(DUE_1)).then([]);
  });
});

describe('a loan enrolled in AutoPay (amount due, on the due date)', () => {
  const enrolled = () => openedLoan().run(cmd.enrollAutoPay(), '2026-01-20');

  it('records nothing when enrolled again with the same settings', () => {
    spec.given(enrolled().events).when(cmd.enrollAutoPay(), at('2026-01-21')).then([]);
  });

  it('records an update when the settings change', () => {
    const [updated] = spec.given(enrolled().events).when(cmd.enrollAutoPay({ draftDaysBeforeDue: 5 }), at('2026-01-21')).thenEvents();
    expect(updated.type === 'AutoPayUpdated' && [updated.data.draftDaysBeforeDue, updated.data.updatedOn]).toEqual([5, '2026-01-21']);
  });

  it('is cancelled at the borrower request', () => {
    spec.given(enrolled().events).when(cmd.cancelAutoPay(), at('2026-01-21')).then([
      { type: 'AutoPayCancelled', data: { cancelledOn: d('2026-01-21'), reason: 'BORROWER_REQUEST' } },
    ]);
  });

  it('drafts the amount due on the due date and submits it that day', () => {
    spec.given(enrolled().events).when(cmd.day(DUE_1), at(DUE_1)).then([
      {
        type: 'PaymentScheduled',
        data: {
          paymentId: 'autopay-1', amount: '489.04', scheduledFor: d(DUE_1), channel: 'AUTOPAY', source: 'AUTOPAY', cycle: 1,
          fundingSourceId: 'fs-1', fundingLast4: '6789', scheduledOn: d(DUE_1),
        },
      },
      { type: 'PaymentSubmitted', data: { paymentId: 'autopay-1', submittedOn: d(DUE_1) } },
    ]);
  });

  it('decides only once per cycle however often the day is run', () => {
    spec.given(enrolled().days(DUE_1, DUE_1).events).when(cmd.day(DUE_1), at(DUE_1)).then([]);
  });

  it('skips a cycle already paid ahead', () => {
    const paidAhead = enrolled().run(cmd.external('x1', '489.04', '2026-02-10'), '2026-02-10').events;
    spec.given(paidAhead).when(cmd.day(DUE_1), at(DUE_1)).then([
      { type: 'AutoPayDraftSkipped', data: { cycle: 1, draftDate: d(DUE_1), reason: 'NOTHING_DUE' } },
    ]);
  });

  it('skips a cycle with a payment already scheduled for it', () => {
    const scheduled = enrolled().run(cmd.schedule('p1', '489.04', DUE_1), '2026-02-10').events;
    const events = spec.given(scheduled).when(cmd.day(DUE_1), at(DUE_1)).thenEvents();
    expect(events[1]).toEqual({ type: 'AutoPayDraftSkipped', data: { cycle: 1, draftDate: d(DUE_1), reason: 'PAYMENT_ALREADY_SCHEDULED' } });
  });
});

describe('a loan enrolled with a fixed amount, extra principal and a draft 5 days early', () => {
  const given = openedLoan()
    .run(cmd.enrollAutoPay({ amountRule: 'FIXED', fixedAmount: m('600.00'), extraPrincipal: m('50.00'), draftDaysBeforeDue: 5 }), '2026-01-20')
    .days('2026-02-03', '2026-02-18').events;

  it('drafts fixed amount plus extra principal 5 days before the due date', () => {
    const [scheduled] = spec.given(given).when(cmd.day('2026-02-19'), at('2026-02-19')).thenEvents();
    expect(scheduled.type === 'PaymentScheduled' && [scheduled.data.amount, scheduled.data.scheduledFor, scheduled.data.cycle]).toEqual([
      '650.00', '2026-02-19', 1,
    ]);
  });

  it('makes no draft on the due date itself', () => {
    const drafted = [...given, ...loanDecider.decide(cmd.day('2026-02-19'), fold(loanDecider, given), at('2026-02-19'))];
    spec.given(drafted).when(cmd.day(DUE_1), at(DUE_1)).then([]);
  });
});

describe('a loan whose first AutoPay draft was returned', () => {
  const firstReturned = () =>
    openedLoan()
      .run(cmd.enrollAutoPay(), '2026-01-20')
      .days(DUE_1, DUE_1)
      .run(cmd.settle('autopay-1', DUE_1), DUE_1)
      .run(cmd.return('autopay-1', '2026-02-27'), '2026-02-27');

  it('keeps AutoPay after one return', () => {
    expect(firstReturned().opened().autopay?.status).toBe('ACTIVE');
  });

  it('suspends AutoPay when the next draft is returned too', () => {
    const secondSettled = firstReturned().days('2026-03-24', '2026-03-24').run(cmd.settle('autopay-2', '2026-03-24'), '2026-03-24').events;
    const events = spec.given(secondSettled).when(cmd.return('autopay-2', '2026-03-27'), at('2026-03-27')).thenEvents();
    expect(events[events.length - 1]).toEqual({
      type: 'AutoPaySuspended',
      data: { suspendedOn: d('2026-03-27'), reason: 'CONSECUTIVE_RETURNS', returnedPaymentIds: ['autopay-1', 'autopay-2'] },
    });
  });

  it('keeps AutoPay when a settled draft came in between', () => {
    const secondKept = firstReturned().days('2026-03-24', '2026-03-24').run(cmd.settle('autopay-2', '2026-03-24'), '2026-03-24').opened();
    expect(secondKept.consecutiveAutoPayReturns).toBe(0);
  });
});

describe('a loan whose AutoPay is suspended', () => {
  const suspended = () =>
    openedLoan()
      .run(cmd.enrollAutoPay(), '2026-01-20')
      .days(DUE_1, DUE_1)
      .run(cmd.settle('autopay-1', DUE_1), DUE_1)
      .run(cmd.return('autopay-1', '2026-02-27'), '2026-02-27')
      .days('2026-03-24', '2026-03-24')
      .run(cmd.settle('autopay-2', '2026-03-24'), '2026-03-24')
      .run(cmd.return('autopay-2', '2026-03-27'), '2026-03-27');

  it('makes no draft on the next due date', () => {
    const events = spec.given(suspended().events).when(cmd.day('2026-04-24'), at('2026-04-24')).thenEvents();
    expect(events.filter((event) => event.type === 'PaymentScheduled')).toEqual([]);
  });

  it('is enrolled again (not updated) by a new enrolment', () => {
    const [enrolled] = spec.given(suspended().events).when(cmd.enrollAutoPay(), at('2026-04-01')).thenEvents();
    expect(enrolled.type).toBe('AutoPayEnrolled');
  });
});
