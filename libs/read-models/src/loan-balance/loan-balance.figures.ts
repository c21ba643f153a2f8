import {
  Apr,
  BusinessDate,
  Money,
  PayoffQuote,
  addDays,
  amountDueOnStatement,
  daysPastDue,
  dueDateOfCycle,
  firstCycleDueAfter,
  pastDueOnStatement,
  payoffQuote,
} from '@ledger/domain';
import { LoanBalanceDocument } from './loan-balance.document';

const money = Money.fromStored;

/** The payoff quote of the stored balances as of `asOf` (docs/servicing-rules.md, "Payoff, lien release and title"). */
export const quoteAsOf = (document: LoanBalanceDocument, asOf: BusinessDate): PayoffQuote =>
  payoffQuote({
    principal: money(document.principal),
    accruedInterest: money(document.accruedInterest),
    fees: money(document.feesOutstanding),
    apr: Apr.parse(document.terms.apr),
    lastPostedOn: document.lastPostedOn,
    asOf,
  });

export interface BalanceFigures {
  quote: PayoffQuote;
  amountDue: Money;
  pastDue: Money;
  daysPastDue: number;
  nextDueDate: BusinessDate | null;
}

/**
 * The time-dependent figures as of `asOf`, composed from the domain's rule functions exactly as
 * the decider's `loanSummary` composes them: the amount due is that of the first cycle due on or
 * after `asOf`, capped by the payoff on its due date; past due counts the term's cycles only
 * (after maturity the payoff is billed instead); a paid-off loan owes nothing and has no next due
 * date. docs/servicing-rules.md, "Billing and amount due".
 */
export function balanceFigures(document: LoanBalanceDocument, asOf: BusinessDate): BalanceFigures {
  const quote = quoteAsOf(document, asOf);
  if (document.status === 'PAID_OFF') {
    return { quote, amountDue: Money.zero, pastDue: Money.zero, daysPastDue: 0, nextDueDate: null };
  }
  const { firstPaymentDate, termMonths } = document.terms;
  const installment = money(document.terms.installment);
  const received = money(document.received);
  const cycle = firstCycleDueAfter(firstPaymentDate, addDays(asOf, -1));
  const dueDate = dueDateOfCycle(firstPaymentDate, cycle);
  return {
    quote,
    amountDue: amountDueOnStatement({
      installment,
      cycle,
      feesCharged: money(document.feesChargedNet),
      received,
      payoffAtDueDate: quoteAsOf(document, dueDate).total,
    }),
    pastDue: pastDueOnStatement({ installment, cycle: Math.min(cycle, termMonths + 1), received }),
    daysPastDue: daysPastDue({ firstPaymentDate, installment, received, asOf, lastCycle: termMonths }),
    nextDueDate: dueDate,
  };
}
