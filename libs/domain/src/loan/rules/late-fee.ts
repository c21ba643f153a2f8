import { BusinessDate, addDays, compareDates } from '../../calendar/business-date';
import { Decimal, Money, roundHalfUpToCents } from '../../money/money';
import { assertInvariant } from '../../shared/assert';
import { billedThrough } from './billing';

const LATE_FEE_RATE = Decimal.of('0.05');
const LATE_FEE_CAP = Money.ofCents(2500);

/**
 * The late fee for a loan: min(5% of the installment rounded half-up to cents, 25.00).
 * Rounding happens first, then the cap: 25.00 is a whole number of cents, so the order cannot
 * change the result, and rounding first keeps the one rounding on a named exact value.
 * docs/servicing-rules.md, "Late fees".
 */
export function lateFeeAmount(installment: Money): Money {
  return Money.min(roundHalfUpToCents(installment.toDecimal().times(LATE_FEE_RATE)), LATE_FEE_CAP);
}

/** Why no late fee is charged, in precedence order (the first that applies is reported). */
export type NoLateFeeReason =
  'ALREADY_CHARGED_FOR_CYCLE' | 'GRACE_PERIOD_NOT_PASSED' | 'INSTALLMENTS_COVERED';

export type LateFeeDecision = { charge: false; reason: NoLateFeeReason } | { charge: true; amount: Money };

export interface LateFeeInput {
  cycle: number;
  /** D_k, the due date of `cycle`. */
  dueDate: BusinessDate;
  asOf: BusinessDate;
  installment: Money;
  /** Full amounts of settled, not returned payments less any overpayment (fees paid included). */
  received: Money;
  /** Scheduled or submitted payments, not yet settled, whose effective date is <= D_k + grace. */
  pendingEffectiveOnOrBeforeGraceEnd: Money;
  alreadyCharged: boolean;
  graceDays: number;
}

/**
 * Whether cycle k earns a late fee on `asOf`. The grace period has passed once asOf > D_k + grace
 * (the first chargeable day is D_k + grace + 1). Then a fee is charged if
 * billed(k) - received - pending is still above 0, at most once per cycle. Because `received`
 * counts full payment amounts, a payment partly spent on an earlier fee still covers its
 * installment: late fees never pyramid.
 * docs/servicing-rules.md, "Late fees".
 */
export function lateFeeDecision(input: LateFeeInput): LateFeeDecision {
  assertInvariant(
    Number.isSafeInteger(input.cycle) && input.cycle >= 1,
    `a cycle is a whole number from 1: ${input.cycle}`,
  );
  assertInvariant(
    Number.isSafeInteger(input.graceDays) && input.graceDays >= 0,
    `grace days: ${input.graceDays}`,
  );
  if (input.alreadyCharged) return { charge: false, reason: 'ALREADY_CHARGED_FOR_CYCLE' };
  const graceEnd = addDays(input.dueDate, input.graceDays);
  if (compareDates(input.asOf, graceEnd) <= 0) return { charge: false, reason: 'GRACE_PERIOD_NOT_PASSED' };
  const shortfall = billedThrough(input.installment, input.cycle)
    .minus(input.received)
    .minus(input.pendingEffectiveOnOrBeforeGraceEnd);
  if (!shortfall.isPositive()) return { charge: false, reason: 'INSTALLMENTS_COVERED' };
  return { charge: true, amount: lateFeeAmount(input.installment) };
}
