import {
  BusinessDate, feesChargedNet, feesOutstanding, invalidInput, loanSummary, Money, notFound, OpenedLoanState, LoanState,
  billedThrough, cycleForPaymentOn, dueDateOf, payoffAsOf,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { Contribution, contributionsOf, Figure } from './balance-contributions';
import { foldRecorded } from './replay-stream';

export interface ExplainedFigure {
  figure: string;
  contributions: Contribution[];
  /** The contributions add up to the figure the loan's own fold computes (pair assertion). */
  consistent: boolean;
}

export interface ExplainedAmountDue {
  figure: string;
  cycle: number | null;
  dueDate: BusinessDate | null;
  /** docs/servicing-rules.md#billing-and-amount-due, with the inputs filled in. */
  formula: string;
  inputs: { installment: string; billed: string; fees: string; received: string; payoffAtDueDate: string };
  /** The payments behind `received`. */
  received: ExplainedFigure;
}

export interface BalanceExplanation {
  streamId: string;
  asOf: BusinessDate;
  status: OpenedLoanState['status'];
  principal: ExplainedFigure;
  /** Posted, unpaid interest. */
  accruedInterest: ExplainedFigure;
  /** Interest since the last posting, shown not posted (docs/servicing-rules.md#interest). */
  interestSinceLastPosting: { figure: string; since: BusinessDate; rule: string };
  fees: ExplainedFigure;
  amountDue: ExplainedAmountDue;
}

/**
 * "Explain a figure": for each balance figure of a loan as of a business date, the events that
 * contributed to it with the rule that applied, e.g. "LoanOpened principal 25000.00" and
 * "PaymentSettled p-1 principal part -412.35 (waterfall, ...)". The sums are checked against the
 * decider's fold of the same events, so an explanation that disagrees with the ledger says so.
 */
export function explainBalance(events: readonly RecordedEvent[], asOf: BusinessDate): BalanceExplanation {
  const streamId = events[0]?.streamId;
  if (streamId === undefined || !streamId.startsWith('loan-')) throw notFound('LOAN_NOT_FOUND', 'No loan events to explain');
  const state = foldRecorded(streamId, events) as LoanState;
  if (state.status === 'NotOpened') throw notFound('LOAN_NOT_FOUND', `Loan ${streamId} was not opened`);
  if (asOf < state.terms.originationDate) {
    throw invalidInput('AS_OF_BEFORE_ORIGINATION', `asOf must be on or after the origination date ${state.terms.originationDate}`, 'asOf');
  }
  const byFigure = new Map<Figure, Contribution[]>();
  for (const event of events) {
    for (const { figure, contribution } of contributionsOf(event)) byFigure.set(figure, [...(byFigure.get(figure) ?? []), contribution]);
  }
  const explained = (figure: Figure, value: Money): ExplainedFigure => {
    const contributions = byFigure.get(figure) ?? [];
    const total = Money.sum(contributions.map((contribution) => Money.fromStored(contribution.amount)));
    return { figure: value.toString(), contributions, consistent: total.eq(value) };
  };
  const summary = loanSummary(state, asOf);
  return {
    streamId,
    asOf,
    status: state.status,
    principal: explained('principal', state.principal),
    accruedInterest: explained('accruedInterest', state.accruedInterest),
    interestSinceLastPosting: { figure: summary.interestSinceLastPosting.toString(), since: state.lastPostedOn, rule: 'docs/servicing-rules.md#interest' },
    fees: explained('fees', feesOutstanding(state)),
    amountDue: explainAmountDue(state, asOf, summary.amountDue, explained('received', state.received)),
  };
}

function explainAmountDue(state: OpenedLoanState, asOf: BusinessDate, amountDue: Money, received: ExplainedFigure): ExplainedAmountDue {
  const active = state.status === 'Active';
  const cycle = cycleForPaymentOn(state, asOf);
  const dueDate = dueDateOf(state, cycle);
  const inputs = {
    installment: state.terms.installment.toString(),
    billed: billedThrough(state.terms.installment, cycle).toString(),
    fees: feesChargedNet(state).toString(),
    received: state.received.toString(),
    payoffAtDueDate: payoffAsOf(state, dueDate).total.toString(),
  };
  const formula = active
    ? `min(max(0, billed(${cycle}) ${inputs.billed} + fees ${inputs.fees} - received ${inputs.received}), payoff(${dueDate}) ${inputs.payoffAtDueDate}) = ${amountDue.toString()} (docs/servicing-rules.md#billing-and-amount-due)`
    : 'The loan is paid off: nothing is due (docs/servicing-rules.md#payoff-lien-release-and-title)';
  return { figure: amountDue.toString(), cycle: active ? cycle : null, dueDate: active ? dueDate : null, formula, inputs, received };
}
