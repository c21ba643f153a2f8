import fc from 'fast-check';
import { BusinessDate, addDays } from '../../calendar/business-date';
import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { isDomainError } from '../../shared/domain-error';
import { loanDecider } from '../loan.decide';
import { LoanCommand } from '../loan.commands';
import { ExternalPaymentChannel, LoanEvent } from '../loan.events';
import { payoffAsOf } from '../loan.figures';
import { LoanState, OpenedLoanState } from '../loan.state';
import { at, cmd, d, openLoan } from './loan-fixtures';

/*
 * Random loan histories for the property tests: a loan is opened, then a random sequence of
 * actions runs on advancing business dates, with the daily cycle run for every date in between
 * (as the ledger does). Refused commands record nothing, exactly as in production.
 */

export type Action =
  | { kind: 'schedule'; cents: number; daysAhead: number }
  | { kind: 'settle' | 'return' | 'waive'; pick: number }
  | { kind: 'external'; cents: number; channel: ExternalPaymentChannel }
  | { kind: 'fee'; cents: number }
  | { kind: 'payoff' | 'refund' | 'autopay' };

export interface Plan {
  principalCents: number;
  termMonths: number;
  apr: string;
  titleState: string;
  steps: Array<{ advance: number; action: Action }>;
}

const channel = fc.constantFrom<ExternalPaymentChannel>('BANK_BILL_PAY', 'MAIL', 'ACI_PHONE', 'CHECKFREEPAY_DEBIT');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('schedule' as const), cents: fc.integer({ min: 1, max: 150_000 }), daysAhead: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('external' as const), cents: fc.integer({ min: 1, max: 200_000 }), channel }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fee' as const), cents: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('waive' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('payoff' as const, 'refund' as const, 'autopay' as const) }) },
);

export const plans: fc.Arbitrary<Plan> = fc.record({
  principalCents: fc.integer({ min: 50_000, max: 3_000_000 }),
  termMonths: fc.integer({ min: 12, max: 96 }),
  apr: fc.constantFrom('0', '3.9', '6.49', '12.125', '36'),
  titleState: fc.constantFrom('TX', 'AL'),
  steps: fc.array(fc.record({ advance: fc.integer({ min: 0, max: 6 }), action }), { minLength: 1, maxLength: 25 }),
});

export interface Simulation {
  events: LoanEvent[];
  /** The state after each decided command, built step by step with evolve. */
  states: OpenedLoanState[];
  final: LoanState;
}

const ORIGINATION = d('2026-01-10');

/** Runs a plan through the decider, keeping the state incrementally (the production path). */
export function simulate(plan: Plan): Simulation {
  const events: LoanEvent[] = [];
  const states: OpenedLoanState[] = [];
  let state: LoanState = loanDecider.initialState();
  const run = (command: LoanCommand, on: BusinessDate) => {
    try {
      const decided = loanDecider.decide(command, state, at(on));
      state = decided.reduce(loanDecider.evolve, state);
      events.push(...decided);
      if (state.status !== 'NotOpened') states.push(state);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  };
  run(openLoan({ principal: Money.ofCents(plan.principalCents), apr: Apr.parse(plan.apr), termMonths: plan.termMonths, titleState: plan.titleState }), ORIGINATION);
  let today = ORIGINATION;
  plan.steps.forEach((step, index) => {
    for (let day = 1; day <= step.advance; day += 1) run(cmd.day(addDays(today, day)), addDays(today, day));
    today = addDays(today, step.advance);
    const command = commandFor(step.action, state as OpenedLoanState, today, index);
    if (command) run(command, today);
  });
  return { events, states, final: state };
}

function commandFor(action: Action, loan: OpenedLoanState, today: BusinessDate, index: number): LoanCommand | null {
  const payments = Object.values(loan.payments);
  const pick = <T>(items: T[], at: number): T | undefined => (items.length === 0 ? undefined : items[at % items.length]);
  switch (action.kind) {
    case 'schedule':
      return cmd.schedule(`p${index}`, Money.ofCents(action.cents).toString(), addDays(today, action.daysAhead));
    case 'settle': {
      const payment = pick(payments.filter((candidate) => candidate.status === 'SUBMITTED'), action.pick);
      return payment ? cmd.settle(payment.paymentId, today) : null;
    }
    case 'return': {
      const payment = pick(payments.filter((candidate) => candidate.status === 'SETTLED'), action.pick);
      return payment ? cmd.return(payment.paymentId, today) : null;
    }
    case 'external':
      return cmd.external(`x${index}`, Money.ofCents(action.cents).toString(), today, action.channel);
    case 'fee':
      return cmd.chargeFee(`f${index}`, Money.ofCents(action.cents).toString());
    case 'waive': {
      const fee = pick([...loan.fees], action.pick);
      return fee ? cmd.waiveFee(fee.feeId) : null;
    }
    case 'payoff':
      return cmd.external(`x${index}`, payoffAsOf(loan, today).total.toString(), today, 'MAIL');
    case 'refund':
      return loan.refundDue.isPositive() ? cmd.refund(`r${index}`, loan.refundDue.toString(), today) : null;
    case 'autopay':
      return cmd.enrollAutoPay();
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}
