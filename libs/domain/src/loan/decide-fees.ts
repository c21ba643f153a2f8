import { notFound, ruleViolated } from '../shared/domain-error';
import { requireActive, requireNotAfter, requireOpened, requirePositive, requireText } from './decide-guards';
import { ChargeFee, LoanContext, RecordOverpaymentRefund, WaiveFee } from './loan.commands';
import { LoanEvent } from './loan.events';
import { LoanState, feeOutstanding } from './loan.state';

/** Charges a servicer fee of kind OTHER (late and returned-payment fees are charged by the rules). */
export function chargeFee(command: ChargeFee, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireActive(state);
  const { feeId, amount, reason } = command.data;
  if (loan.fees.some((fee) => fee.feeId === feeId)) throw ruleViolated('FEE_ALREADY_EXISTS', `Fee ${feeId} already exists`);
  requirePositive(amount, 'FEE_AMOUNT_NOT_POSITIVE', 'amount');
  requireText(reason, 'FEE_REASON_MISSING', 'reason');
  return [
    { type: 'FeeCharged', data: { feeId, kind: 'OTHER', amount: amount.toString(), cycle: null, reason, chargedOn: context.businessDate } },
  ];
}

/**
 * Waives what is still unpaid of a fee (a paid part stays paid; a refund of it is a separate,
 * manual decision). A waiver never pays a loan off: the waterfall pays fees before interest and
 * principal, so an active loan with a fee outstanding always owes principal or interest too.
 * docs/decisions/0001-loan-decider-choices.md.
 */
export function waiveFee(command: WaiveFee, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { feeId, reason } = command.data;
  const fee = loan.fees.find((candidate) => candidate.feeId === feeId);
  if (!fee) throw notFound('FEE_NOT_FOUND', `No fee ${feeId} on this loan`);
  if (fee.waived.isPositive()) throw ruleViolated('FEE_ALREADY_WAIVED', `Fee ${feeId} was already waived`);
  const unpaid = feeOutstanding(fee);
  if (!unpaid.isPositive()) throw ruleViolated('FEE_ALREADY_PAID', `Fee ${feeId} is fully paid`);
  requireText(reason, 'WAIVER_REASON_MISSING', 'reason');
  return [{ type: 'FeeWaived', data: { feeId, amount: unpaid.toString(), reason, waivedOn: context.businessDate } }];
}

/** Records an overpayment sent back to the borrower, at most the refund due. */
export function recordOverpaymentRefund(command: RecordOverpaymentRefund, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { refundId, amount, refundedOn } = command.data;
  if (!loan.refundDue.isPositive()) throw ruleViolated('NO_REFUND_DUE', 'No overpayment is waiting to be refunded');
  requirePositive(amount, 'AMOUNT_NOT_POSITIVE', 'amount');
  if (amount.gt(loan.refundDue)) throw ruleViolated('REFUND_EXCEEDS_DUE', `At most ${loan.refundDue.toString()} is due`);
  requireNotAfter(refundedOn, context.businessDate, 'REFUND_DATE_IN_FUTURE', 'refundedOn');
  requireText(refundId, 'REFUND_ID_MISSING', 'refundId');
  return [{ type: 'OverpaymentRefunded', data: { refundId, amount: amount.toString(), refundedOn } }];
}
