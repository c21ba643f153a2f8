import { BusinessDate, addDays } from '../calendar/business-date';
import { Money } from '../money/money';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import { requireActive, requireFundingSource, requireOpened } from './decide-guards';
import { amountDueForCycle, cycleForPaymentOn, dueDateOf, payoffAsOf, pendingPaymentsForCycle } from './loan.figures';
import { CancelAutoPay, EnrollAutoPay, LoanContext } from './loan.commands';
import { AutoPaySettingsData, LoanEvent } from './loan.events';
import { AutoPaySettings, LoanState, OpenedLoanState } from './loan.state';

const DRAFT_DAYS_BEFORE_DUE_MAX = 15;
const ABA_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/** An ABA routing number: 9 digits whose weighted sum (3, 7, 1, ...) is a multiple of 10. */
export function isValidRoutingNumber(routingNumber: string): boolean {
  if (!/^[0-9]{9}$/.test(routingNumber)) return false;
  const sum = [...routingNumber].reduce((total, digit, index) => total + Number(digit) * ABA_WEIGHTS[index], 0);
  return sum % 10 === 0;
}

/**
 * Enrols in AutoPay or changes it (PUT semantics): AutoPayEnrolled when not enrolled or suspended,
 * AutoPayUpdated when the settings change, nothing when they are the same. Pay by text needs a
 * loan without AutoPay, so it ends here. docs/servicing-rules.md, "AutoPay".
 */
export function enrollAutoPay(command: EnrollAutoPay, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireActive(state);
  const settings = validatedSettings(command, loan);
  const textPayEnded: LoanEvent[] = loan.textPay
    ? [{ type: 'TextPayCancelled', data: { cancelledOn: context.businessDate, reason: 'AUTOPAY_ENROLLED' } }]
    : [];
  if (loan.autopay?.status === 'ACTIVE') {
    if (sameSettings(settingsData(loan.autopay.settings), settings)) return [];
    return [{ type: 'AutoPayUpdated', data: { ...settings, updatedOn: context.businessDate } }, ...textPayEnded];
  }
  return [{ type: 'AutoPayEnrolled', data: { ...settings, enrolledOn: context.businessDate } }, ...textPayEnded];
}

function validatedSettings({ data }: EnrollAutoPay, loan: OpenedLoanState): AutoPaySettingsData {
  const funding = requireFundingSource(data.fundingSource);
  if (!isValidRoutingNumber(data.routingNumber)) {
    throw invalidInput('ROUTING_NUMBER_CHECKSUM', 'routingNumber must be 9 digits with a valid ABA checksum', 'routingNumber');
  }
  const draftDaysBeforeDue = data.draftDaysBeforeDue ?? 0;
  if (!Number.isSafeInteger(draftDaysBeforeDue) || draftDaysBeforeDue < 0 || draftDaysBeforeDue > DRAFT_DAYS_BEFORE_DUE_MAX) {
    throw invalidInput('DRAFT_DAY_OUT_OF_RANGE', 'draftDaysBeforeDue must be 0 to 15', 'draftDaysBeforeDue');
  }
  if (data.amountRule === 'FIXED') {
    if (!data.fixedAmount) throw invalidInput('FIXED_AMOUNT_REQUIRED', 'a FIXED amount rule needs fixedAmount', 'fixedAmount');
    if (data.fixedAmount.lt(loan.terms.installment)) {
      throw invalidInput('FIXED_AMOUNT_BELOW_INSTALLMENT', `fixedAmount must be at least the installment ${loan.terms.installment.toString()}`, 'fixedAmount');
    }
  } else if (data.fixedAmount) {
    throw invalidInput('FIXED_AMOUNT_NOT_APPLICABLE', 'fixedAmount only goes with the FIXED amount rule', 'fixedAmount');
  }
  return {
    fundingSourceId: funding.fundingSourceId,
    fundingLast4: funding.fundingLast4,
    amountRule: data.amountRule,
    fixedAmount: data.fixedAmount ? data.fixedAmount.toString() : null,
    extraPrincipal: (data.extraPrincipal ?? Money.zero).toString(),
    draftDaysBeforeDue,
  };
}

const settingsData = (settings: AutoPaySettings): AutoPaySettingsData => ({
  ...settings,
  fixedAmount: settings.fixedAmount ? settings.fixedAmount.toString() : null,
  extraPrincipal: settings.extraPrincipal.toString(),
});

const sameSettings = (a: AutoPaySettingsData, b: AutoPaySettingsData): boolean =>
  (Object.keys(a) as Array<keyof AutoPaySettingsData>).every((key) => a[key] === b[key]);

/**
 * Ends AutoPay. Drafts are submitted the day they are made, so there is never a scheduled draft
 * left to cancel; one already at the bank settles or returns as usual.
 */
export function cancelAutoPay(_command: CancelAutoPay, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  if (!loan.autopay) throw ruleViolated('AUTOPAY_NOT_ENROLLED', 'The loan is not enrolled in AutoPay');
  return [{ type: 'AutoPayCancelled', data: { cancelledOn: context.businessDate, reason: 'BORROWER_REQUEST' } }];
}

/**
 * The AutoPay decision on the draft day D_k - draftDaysBeforeDue of cycle k: one AUTOPAY debit
 * for the amount due (or the fixed amount) plus extra principal, never above today's payoff,
 * scheduled and submitted that day; or AutoPayDraftSkipped when nothing is due or a payment is
 * already scheduled for the cycle. Exactly one decision per cycle. docs/servicing-rules.md, "AutoPay".
 */
export function autopayDraftDecision(loan: OpenedLoanState, date: BusinessDate): LoanEvent[] {
  if (loan.status !== 'Active' || loan.autopay?.status !== 'ACTIVE') return [];
  const { settings } = loan.autopay;
  const cycle = cycleForPaymentOn(loan, addDays(date, settings.draftDaysBeforeDue));
  if (addDays(dueDateOf(loan, cycle), -settings.draftDaysBeforeDue) !== date) return [];
  if (loan.autopayDecidedCycles.includes(cycle)) return [];
  const skipped = (reason: 'NOTHING_DUE' | 'PAYMENT_ALREADY_SCHEDULED'): LoanEvent[] => [
    { type: 'AutoPayDraftSkipped', data: { cycle, draftDate: date, reason } },
  ];
  if (pendingPaymentsForCycle(loan, cycle).length > 0) return skipped('PAYMENT_ALREADY_SCHEDULED');
  const amountDue = amountDueForCycle(loan, cycle);
  if (amountDue.isZero()) return skipped('NOTHING_DUE');
  const ruleAmount = settings.amountRule === 'FIXED' && settings.fixedAmount ? settings.fixedAmount : amountDue;
  const amount = Money.min(ruleAmount.plus(settings.extraPrincipal), payoffAsOf(loan, date).total);
  const paymentId = `autopay-${cycle}`;
  return [
    {
      type: 'PaymentScheduled',
      data: {
        paymentId, amount: amount.toString(), scheduledFor: date, channel: 'AUTOPAY', source: 'AUTOPAY', cycle,
        fundingSourceId: settings.fundingSourceId, fundingLast4: settings.fundingLast4, scheduledOn: date,
      },
    },
    { type: 'PaymentSubmitted', data: { paymentId, submittedOn: date } },
  ];
}
