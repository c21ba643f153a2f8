import { BusinessDate, addDays, compareDates } from '../calendar/business-date';
import { lateFeeDecision } from './rules/late-fee';
import { cycleDueOnOrBefore, firstCycleDueAfter, statementDateOfCycle } from './rules/due-dates';
import { requireOpened } from './decide-guards';
import { autopayDraftDecision } from './decide-autopay';
import { textPayReminder } from './decide-text-pay';
import { evolve } from './loan.evolve';
import {
  amountDueForCycle,
  dueDateOf,
  feesOutstanding,
  pastDueForCycle,
  payoffAsOf,
  pendingAmountOnOrBefore,
} from './loan.figures';
import { LoanContext, RunServicingDay } from './loan.commands';
import { LoanEvent } from './loan.events';
import { LoanState, OpenedLoanState } from './loan.state';

type ServicingStep = (loan: OpenedLoanState, date: BusinessDate) => LoanEvent[];

/*
 * The daily cycle for one loan, in this order: submissions, the statement, the AutoPay decision,
 * the pay-by-text reminder, late fees. Each step sees the events of the steps before it. Every
 * step is guarded by what the state already records (statement issued, cycle decided, cycle
 * reminded, fee charged, payment submitted), so running a date twice decides nothing the second time.
 */
const STEPS: ReadonlyArray<ServicingStep> = [submitDuePayments, issueStatement, autopayDraftDecision, textPayReminder, chargeLateFee];

/** Everything due for this loan on `date` (docs/servicing-rules.md, "The daily cycle"). */
export function runServicingDay(command: RunServicingDay, state: LoanState, _context: LoanContext): LoanEvent[] {
  let loan = requireOpened(state);
  const decided: LoanEvent[] = [];
  for (const step of STEPS) {
    const events = step(loan, command.data.date);
    loan = events.reduce(evolve, loan as LoanState) as OpenedLoanState;
    decided.push(...events);
  }
  return decided;
}

/** Scheduled debits dated today or earlier (a reply-to-text debit scheduled after the run) go out. */
function submitDuePayments(loan: OpenedLoanState, date: BusinessDate): LoanEvent[] {
  return Object.values(loan.payments)
    .filter((payment) => payment.status === 'SCHEDULED' && compareDates(payment.effectiveDate, date) <= 0)
    .sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate) || (a.paymentId < b.paymentId ? -1 : 1))
    .map((payment): LoanEvent => ({ type: 'PaymentSubmitted', data: { paymentId: payment.paymentId, submittedOn: date } }));
}

/**
 * The statement of the next cycle due, once its statement date (D_k - 21, not before origination)
 * has come. After the last cycle statements go on monthly while the loan is active, i.e. while a
 * payoff remains. docs/servicing-rules.md, "Billing and amount due".
 */
function issueStatement(loan: OpenedLoanState, date: BusinessDate): LoanEvent[] {
  if (loan.status !== 'Active') return [];
  const { originationDate, firstPaymentDate } = loan.terms;
  const cycle = firstCycleDueAfter(firstPaymentDate, date);
  const statementDate = statementDateOfCycle(originationDate, firstPaymentDate, cycle);
  if (compareDates(statementDate, date) > 0 || loan.statements[cycle]) return [];
  const dueDate = dueDateOf(loan, cycle);
  return [
    {
      type: 'StatementIssued',
      data: {
        cycle,
        statementDate: date,
        dueDate,
        amountDue: amountDueForCycle(loan, cycle).toString(),
        pastDue: pastDueForCycle(loan, Math.min(cycle, loan.terms.termMonths + 1)).toString(),
        feesDue: feesOutstanding(loan).toString(),
        payoffOnDueDate: payoffAsOf(loan, dueDate).total.toString(),
      },
    },
  ];
}

/**
 * The late fee of the latest cycle whose grace period has passed, at most once per cycle and only
 * for the term's cycles. docs/servicing-rules.md, "Billing and amount due".
 */
function chargeLateFee(loan: OpenedLoanState, date: BusinessDate): LoanEvent[] {
  if (loan.status !== 'Active') return [];
  const { graceDays } = loan.terms.lateFee;
  const cycle = cycleDueOnOrBefore(loan.terms.firstPaymentDate, addDays(date, -(graceDays + 1)));
  if (cycle < 1 || cycle > loan.terms.termMonths) return [];
  const dueDate = dueDateOf(loan, cycle);
  const decision = lateFeeDecision({
    cycle,
    dueDate,
    asOf: date,
    installment: loan.terms.installment,
    received: loan.received,
    pendingEffectiveOnOrBeforeGraceEnd: pendingAmountOnOrBefore(loan, addDays(dueDate, graceDays)),
    alreadyCharged: loan.lateFeeCycles.includes(cycle),
    graceDays,
  });
  if (!decision.charge) return [];
  return [
    {
      type: 'FeeCharged',
      data: {
        feeId: `late-${cycle}`,
        kind: 'LATE',
        amount: decision.amount.toString(),
        cycle,
        reason: `Installment of cycle ${cycle} due ${dueDate} unpaid after the ${graceDays}-day grace period`,
        chargedOn: date,
      },
    },
  ];
}
