import fc from 'fast-check';
import { Money } from '../money/money';
import { fold } from '../shared/decider';
import { loanDecider } from './loan.decide';
import { AllocationData, LoanEvent } from './loan.events';
import { plans, simulate } from './testing/random-history';

const RUNS = { numRuns: 1000 };
const money = Money.fromStored;
const partsOf = (allocation: AllocationData): Money =>
  Money.sum([allocation.interest, allocation.fees, allocation.principal, allocation.overpayment].map(money));
const sumOf = <E extends LoanEvent>(events: E[], amount: (event: E) => string): Money => Money.sum(events.map((event) => money(amount(event))));
const ofType = <T extends LoanEvent['type']>(events: LoanEvent[], type: T) =>
  events.filter((event): event is Extract<LoanEvent, { type: T }> => event.type === type);

describe('random loan histories', () => {
  it('allocate every settled payment exactly: the parts sum to the amount', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { events } = simulate(plan);
        for (const settled of ofType(events, 'PaymentSettled')) {
          expect(partsOf(settled.data.allocation).toString()).toBe(settled.data.amount);
        }
      }),
      RUNS,
    );
  });

  it('never take principal below zero nor above the amount lent', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { states } = simulate(plan);
        const lent = states[0].terms.principal;
        for (const state of states) expect(!state.principal.isNegative() && state.principal.lte(lent)).toBe(true);
      }),
      RUNS,
    );
  });

  it('conserve money: paid net of returns = interest + fees + principal + overpayment net of returns', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { events } = simulate(plan);
        const settled = ofType(events, 'PaymentSettled');
        const returned = ofType(events, 'PaymentReturned');
        const returnedIds = new Set(returned.map((event) => event.data.paymentId));
        const paidNet = sumOf(settled.filter((event) => !returnedIds.has(event.data.paymentId)), (event) => event.data.amount);
        const partsNet = Money.sum(settled.map((event) => partsOf(event.data.allocation))).minus(
          Money.sum(returned.map((event) => partsOf(event.data.restored))),
        );
        expect(partsNet.toString()).toBe(paidNet.toString());
      }),
      RUNS,
    );
  });

  it('agree with an independent tally of principal, interest and fees', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { events, final } = simulate(plan);
        if (final.status === 'NotOpened') return;
        const settled = ofType(events, 'PaymentSettled');
        const returned = ofType(events, 'PaymentReturned');
        const principal = final.terms.principal
          .minus(sumOf(settled, (event) => event.data.allocation.principal))
          .plus(sumOf(returned, (event) => event.data.restored.principal));
        const interest = sumOf(settled, (event) => event.data.interestPosted)
          .plus(sumOf(returned, (event) => event.data.interestPosted))
          .plus(sumOf(returned, (event) => event.data.extraInterest))
          .minus(sumOf(settled, (event) => event.data.allocation.interest))
          .plus(sumOf(returned, (event) => event.data.restored.interest));
        const fees = sumOf(ofType(events, 'FeeCharged'), (event) => event.data.amount)
          .minus(sumOf(ofType(events, 'FeeWaived'), (event) => event.data.amount))
          .minus(sumOf(settled, (event) => event.data.allocation.fees))
          .plus(sumOf(returned, (event) => event.data.restored.fees));
        const outstandingFees = Money.sum(final.fees.map((fee) => fee.amount.minus(fee.paid).minus(fee.waived)));
        expect([principal, interest, fees].map(String)).toEqual([final.principal, final.accruedInterest, outstandingFees].map(String));
      }),
      RUNS,
    );
  });

  it('replay to the same state as the one built step by step', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { events, final } = simulate(plan);
        expect(fold(loanDecider, events)).toEqual(final);
      }),
      RUNS,
    );
  });

  it('never carry a JS number for money in any event', () => {
    const COUNTS = new Set(['cycle', 'termMonths', 'graceDays', 'statementLeadDays', 'reminderLeadDays', 'draftDaysBeforeDue', 'year']);
    const AMOUNTS = new Set([
      'amount', 'principal', 'installment', 'cap', 'returnedPaymentFee', 'amountDue', 'pastDue', 'feesDue', 'payoffOnDueDate',
      'thirdPartyFee', 'interestPosted', 'interest', 'fees', 'overpayment', 'extraInterest', 'accruedInterest', 'fixedAmount',
      'extraPrincipal',
    ]);
    const AMOUNT_TEXT = /^-?\d+\.\d{2}$/;
    const scan = (value: unknown, key: string, problems: string[]): void => {
      if (typeof value === 'number' && !COUNTS.has(key)) problems.push(`${key} is the number ${value}`);
      if (AMOUNTS.has(key) && !(typeof value === 'string' && AMOUNT_TEXT.test(value)) && !(key === 'fixedAmount' && value === null)) {
        if (typeof value !== 'object' || value === null) problems.push(`${key} is not a two-decimal string: ${String(value)}`);
      }
      if (Array.isArray(value)) value.forEach((item) => scan(item, key, problems));
      else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([child, item]) => scan(item, child, problems));
    };
    fc.assert(
      fc.property(plans, (plan) => {
        const problems: string[] = [];
        for (const event of simulate(plan).events) scan(event.data, event.type, problems);
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  });
});
