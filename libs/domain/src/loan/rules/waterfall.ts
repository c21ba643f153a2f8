import { Money } from '../../money/money';
import { assertInvariant } from '../../shared/assert';

/** One fee still (partly) unpaid, or the part of a payment that went to it. */
export interface FeeAmount {
  feeId: string;
  amount: Money;
}

/** What a loan owes when a payment settles, after interest was posted up to its effective date. */
export interface OutstandingBalances {
  /** Unpaid fee amounts, oldest first. */
  fees: ReadonlyArray<FeeAmount>;
  interest: Money;
  principal: Money;
}

/** How one settled payment was split. `fees` is the total of `feesPaid`. */
export interface PaymentAllocation {
  fees: Money;
  interest: Money;
  principal: Money;
  overpayment: Money;
  /** Per fee, oldest first; fees the payment did not reach are not listed. */
  feesPaid: Array<FeeAmount>;
}

/** The sum of all parts of an allocation; always equals the payment amount. */
export function allocationTotal(
  allocation: Pick<PaymentAllocation, 'fees' | 'interest' | 'principal' | 'overpayment'>,
): Money {
  return Money.sum([allocation.fees, allocation.interest, allocation.principal, allocation.overpayment]);
}

/**
 * Splits a settled payment: outstanding fees oldest first, then accrued unpaid interest, then
 * principal; whatever is left once principal reaches 0 is an overpayment (a refund due).
 * The caller posts interest up to the effective date first.
 * docs/servicing-rules.md, "Waterfall".
 */
export function allocatePayment(amount: Money, outstanding: OutstandingBalances): PaymentAllocation {
  assertInvariant(!amount.isNegative(), `a payment amount is never negative: ${amount.toString()}`);
  assertInvariant(
    !outstanding.interest.isNegative() && !outstanding.principal.isNegative(),
    'outstanding interest and principal are never negative',
  );
  let remaining = amount;
  const feesPaid: FeeAmount[] = [];
  for (const fee of outstanding.fees) {
    assertInvariant(!fee.amount.isNegative(), `fee ${fee.feeId} has a negative unpaid amount`);
    if (remaining.isZero()) break;
    const paid = Money.min(remaining, fee.amount);
    // A fee already settled in full has nothing to take; it is not listed as paid.
    if (paid.isPositive()) feesPaid.push({ feeId: fee.feeId, amount: paid });
    remaining = remaining.minus(paid);
  }
  const interest = Money.min(remaining, outstanding.interest);
  remaining = remaining.minus(interest);
  const principal = Money.min(remaining, outstanding.principal);
  const overpayment = remaining.minus(principal);
  const allocation = {
    fees: Money.sum(feesPaid.map((fee) => fee.amount)),
    interest,
    principal,
    overpayment,
    feesPaid,
  };
  assertAllocation(amount, allocation);
  return allocation;
}

/**
 * The allocation invariant, exported so the fold and `verify` can check the recorded fact too
 * (STYLE.md rule 11, pair assertions): parts sum to the amount and none is negative.
 */
export function assertAllocation(
  amount: Money,
  allocation: Omit<PaymentAllocation, 'feesPaid'> & { feesPaid: ReadonlyArray<FeeAmount> },
): void {
  const parts = [allocation.fees, allocation.interest, allocation.principal, allocation.overpayment];
  assertInvariant(
    parts.every((part) => !part.isNegative()),
    `allocation parts must not be negative: ${parts.map(String).join(', ')}`,
  );
  assertInvariant(
    allocationTotal(allocation).eq(amount),
    `allocation ${allocationTotal(allocation).toString()} must equal the payment ${amount.toString()}`,
  );
  assertInvariant(
    Money.sum(allocation.feesPaid.map((fee) => fee.amount)).eq(allocation.fees),
    'fees paid per fee must add up to the fee part',
  );
}
