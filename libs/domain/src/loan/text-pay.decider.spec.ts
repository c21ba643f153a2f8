import { deciderSpecification } from '../testing/decider-specification';
import { textReplyMessage } from './decide-text-pay';
import { loanDecider } from './loan.decide';
import { MOBILE, at, cmd, d, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const REMINDER_DAY = '2026-02-17'; // 7 days before the first due date 2026-02-24

describe('an active loan without pay by text', () => {
  const given = openedLoan().events;

  it('enrols a verified, opted-in US mobile with a funding account', () => {
    spec.given(given).when(cmd.enrollTextPay(), at('2026-01-20')).then([
      { type: 'TextPayEnrolled', data: { mobileNumber: MOBILE, fundingSourceId: 'fs-1', fundingLast4: '6789', enrolledOn: d('2026-01-20') } },
    ]);
  });

  const ineligible: Array<[string, Parameters<typeof cmd.enrollTextPay>[0]]> = [
    ['an unverified mobile', { mobileVerified: false }],
    ['a mobile not opted in to text alerts', { textAlertsOptedIn: false }],
    ['a non-US number', { mobileNumber: '+442071838750' }],
    ['no funding account on file', { fundingSource: null }],
  ];
  it.each(ineligible)('refuses %s with TEXT_PAY_NOT_ELIGIBLE', (_what, overrides) => {
    spec.given(given).when(cmd.enrollTextPay(overrides), at('2026-01-20')).thenRefuses('RuleViolated', 'TEXT_PAY_NOT_ELIGIBLE');
  });

  it('refuses a loan in AutoPay with TEXT_PAY_NOT_ELIGIBLE', () => {
    const autopay = openedLoan().run(cmd.enrollAutoPay(), '2026-01-15').events;
    spec.given(autopay).when(cmd.enrollTextPay(), at('2026-01-20')).thenRefuses('RuleViolated', 'TEXT_PAY_NOT_ELIGIBLE');
  });

  it('refuses a loan 31 days past due with TEXT_PAY_NOT_ELIGIBLE', () => {
    spec.given(given).when(cmd.enrollTextPay(), at('2026-03-27')).thenRefuses('RuleViolated', 'TEXT_PAY_NOT_ELIGIBLE');
  });

  it('accepts a loan exactly 30 days past due', () => {
    const [enrolled] = spec.given(given).when(cmd.enrollTextPay(), at('2026-03-26')).thenEvents();
    expect(enrolled.type).toBe('TextPayEnrolled');
  });

  it('refuses a cancellation with TEXT_PAY_NOT_ENROLLED', () => {
    spec.given(given).when(cmd.cancelTextPay(), at('2026-01-20')).thenRefuses('RuleViolated', 'TEXT_PAY_NOT_ENROLLED');
  });

  it('refuses a paid-off loan with LOAN_PAID_OFF', () => {
    const paidOff = openedLoan().run(cmd.external('x1', '25088.90', '2026-01-30'), '2026-01-30').events;
    spec.given(paidOff).when(cmd.enrollTextPay(), at('2026-02-01')).thenRefuses('RuleViolated', 'LOAN_PAID_OFF');
  });
});

describe('a loan enrolled in pay by text, run daily', () => {
  const enrolled = () => openedLoan().run(cmd.enrollTextPay(), '2026-01-20').days('2026-02-03', '2026-02-16');

  it('records nothing when enrolled again with the same details', () => {
    spec.given(enrolled().events).when(cmd.enrollTextPay(), at('2026-02-16')).then([]);
  });

  it('is cancelled at the borrower request', () => {
    spec.given(enrolled().events).when(cmd.cancelTextPay(), at('2026-02-16')).then([
      { type: 'TextPayCancelled', data: { cancelledOn: d('2026-02-16'), reason: 'BORROWER_REQUEST' } },
    ]);
  });

  it('ends when the borrower enrols in AutoPay', () => {
    const events = spec.given(enrolled().events).when(cmd.enrollAutoPay(), at('2026-02-16')).thenEvents();
    expect(events[1]).toEqual({ type: 'TextPayCancelled', data: { cancelledOn: d('2026-02-16'), reason: 'AUTOPAY_ENROLLED' } });
  });

  it('sends one reminder of at most 160 characters 7 days before the due date', () => {
    spec.given(enrolled().events).when(cmd.day(REMINDER_DAY), at(REMINDER_DAY)).then([
      {
        type: 'PaymentReminderSent',
        data: {
          cycle: 1, dueDate: d('2026-02-24'), amountDue: '489.04', mobileNumber: MOBILE, sentOn: d(REMINDER_DAY),
          message: 'Loan ...8901: $489.04 is due 02/24/2026. Reply PAY to pay it now from bank ...6789, or STOP to end these texts.',
        },
      },
    ]);
  });

  it('sends no second reminder when the day is run again', () => {
    spec.given(enrolled().days(REMINDER_DAY, REMINDER_DAY).events).when(cmd.day(REMINDER_DAY), at(REMINDER_DAY)).then([]);
  });

  it('sends no reminder when the cycle is paid ahead', () => {
    const paid = enrolled().run(cmd.external('x1', '489.04', '2026-02-16'), '2026-02-16').events;
    spec.given(paid).when(cmd.day(REMINDER_DAY), at(REMINDER_DAY)).then([]);
  });

  it('sends no reminder when a payment is scheduled for the cycle', () => {
    const scheduled = enrolled().run(cmd.schedule('p1', '489.04', '2026-02-24'), '2026-02-16').events;
    spec.given(scheduled).when(cmd.day(REMINDER_DAY), at(REMINDER_DAY)).then([]);
  });

  it('schedules nothing for PAY before any reminder', () => {
    spec.given(enrolled().events).when(cmd.reply('PAY'), at('2026-02-16')).then([]);
  });
});

describe('a loan reminded for cycle 1', () => {
  const reminded = () => openedLoan().run(cmd.enrollTextPay(), '2026-01-20').days('2026-02-03', REMINDER_DAY);

  it('schedules a TEXT debit for today for the amount due on PAY (case and spaces ignored)', () => {
    spec.given(reminded().events).when(cmd.reply('  pay '), at('2026-02-18')).then([
      {
        type: 'PaymentScheduled',
        data: {
          paymentId: 'text-1', amount: '489.04', scheduledFor: d('2026-02-18'), channel: 'TEXT', source: 'TEXT', cycle: 1,
          fundingSourceId: 'fs-1', fundingLast4: '6789', scheduledOn: d('2026-02-18'),
        },
      },
    ]);
  });

  it('schedules nothing more on a second PAY', () => {
    const paid = reminded().run(cmd.reply('PAY', 'text-1'), '2026-02-18').events;
    spec.given(paid).when(cmd.reply('PAY', 'text-2'), at('2026-02-18')).then([]);
  });

  it('cancels pay by text on STOP', () => {
    spec.given(reminded().events).when(cmd.reply('stop'), at('2026-02-18')).then([
      { type: 'TextPayCancelled', data: { cancelledOn: d('2026-02-18'), reason: 'BORROWER_STOP' } },
    ]);
  });

  it('writes nothing for any other text', () => {
    spec.given(reminded().events).when(cmd.reply('how much?'), at('2026-02-18')).then([]);
  });

  it('writes nothing for PAY from an unknown number', () => {
    spec.given(reminded().events).when(cmd.reply('PAY', 'text-1', '+12025550999'), at('2026-02-18')).then([]);
  });
});

describe('the texted answer', () => {
  it('confirms a scheduled payment, a stop, a second PAY and helps otherwise', () => {
    const scheduled = openedLoan().run(cmd.enrollTextPay(), '2026-01-20').days('2026-02-03', REMINDER_DAY).run(cmd.reply('PAY'), '2026-02-18').events;
    expect([
      textReplyMessage('PAY', scheduled.slice(-1)),
      textReplyMessage('STOP', [{ type: 'TextPayCancelled', data: { cancelledOn: d('2026-02-18'), reason: 'BORROWER_STOP' } }]),
      textReplyMessage('PAY', []),
      textReplyMessage('hello', []),
    ]).toEqual([
      'Thanks! $489.04 will be paid today from bank ...6789.',
      'You will no longer get pay-by-text messages. Reply HELP for help.',
      'No payment is waiting for a reply: nothing was scheduled. Reply HELP for help.',
      'Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.',
    ]);
  });
});
