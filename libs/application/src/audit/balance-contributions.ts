import { LoanEvent, Money } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';

/** One event's share of a figure, citing the rule that made it. */
export interface Contribution {
  eventId: string;
  revision: number;
  type: string;
  /** Signed two-decimal string: what this event added to (or took from) the figure. */
  amount: string;
  /** Where the rule is written down, e.g. docs/servicing-rules.md#waterfall. */
  rule: string;
  /** One line for a human: "PaymentSettled p-1 principal part -412.35 (waterfall, docs/servicing-rules.md#waterfall)". */
  because: string;
}

export type Figure = 'principal' | 'accruedInterest' | 'fees' | 'received';

const RULES = {
  opening: ['opening', 'docs/servicing-rules.md#opening-a-loan'],
  interest: ['interest posting', 'docs/servicing-rules.md#interest'],
  waterfall: ['waterfall', 'docs/servicing-rules.md#waterfall'],
  returns: ['return', 'docs/servicing-rules.md#returns'],
  lateFee: ['late fee', 'docs/servicing-rules.md#late-fees'],
  fee: ['fee', 'docs/servicing-rules.md#late-fees'],
  waiver: ['fee waiver', 'docs/servicing-rules.md#late-fees'],
  billing: ['billing: received', 'docs/servicing-rules.md#billing-and-amount-due'],
} as const;

type Rule = keyof typeof RULES;
type Emit = (figure: Figure, amount: Money, rule: Rule, what: string) => void;

/**
 * Each loan event's contributions to the balance figures, mirroring the loan's evolve
 * (libs/domain/src/loan/loan.evolve.ts, evolve-settlement.ts) term by term. explainBalance
 * checks the sums against the fold, so this mirror cannot drift silently (STYLE.md rule 11).
 */
export function contributionsOf(recorded: RecordedEvent): Array<{ figure: Figure; contribution: Contribution }> {
  const found: Array<{ figure: Figure; contribution: Contribution }> = [];
  const emit: Emit = (figure, amount, rule, what) => {
    if (amount.isZero()) return;
    const [name, reference] = RULES[rule];
    const text = `${recorded.type} ${what} ${amount.toString()} (${name}, ${reference})`;
    found.push({
      figure,
      contribution: { eventId: recorded.eventId, revision: recorded.revision, type: recorded.type, amount: amount.toString(), rule: reference, because: text },
    });
  };
  emitFor(recorded as unknown as LoanEvent, emit);
  return found;
}

const m = Money.fromStored;
const negative = (text: string): Money => Money.zero.minus(m(text));

function emitFor(event: LoanEvent, emit: Emit): void {
  switch (event.type) {
    case 'LoanOpened':
      return emit('principal', m(event.data.terms.principal), 'opening', 'principal');
    case 'PaymentSettled': {
      const { paymentId, allocation, interestPosted, amount } = event.data;
      emit('accruedInterest', m(interestPosted), 'interest', `${paymentId} interest posted to ${event.data.effectiveDate}`);
      emit('accruedInterest', negative(allocation.interest), 'waterfall', `${paymentId} interest part`);
      emit('fees', negative(allocation.fees), 'waterfall', `${paymentId} fees part`);
      emit('principal', negative(allocation.principal), 'waterfall', `${paymentId} principal part`);
      return emit('received', m(amount).minus(m(allocation.overpayment)), 'billing', `${paymentId} amount less overpayment`);
    }
    case 'PaymentReturned': {
      const { paymentId, restored, interestPosted, extraInterest } = event.data;
      emit('accruedInterest', m(interestPosted), 'interest', `${paymentId} interest posted to ${event.data.returnedOn}`);
      emit('accruedInterest', m(extraInterest), 'returns', `${paymentId} extra interest on the returned principal`);
      emit('accruedInterest', m(restored.interest), 'returns', `${paymentId} interest part restored`);
      emit('fees', m(restored.fees), 'returns', `${paymentId} fees part restored`);
      emit('principal', m(restored.principal), 'returns', `${paymentId} principal part restored`);
      const amount = Money.sum([restored.interest, restored.fees, restored.principal, restored.overpayment].map(m));
      return emit('received', Money.zero.minus(amount).plus(m(restored.overpayment)), 'billing', `${paymentId} returned amount less overpayment`);
    }
    case 'FeeCharged':
      return emit('fees', m(event.data.amount), event.data.kind === 'LATE' ? 'lateFee' : event.data.kind === 'RETURNED_PAYMENT' ? 'returns' : 'fee', `${event.data.kind} ${event.data.feeId}`);
    case 'FeeWaived':
      return emit('fees', negative(event.data.amount), 'waiver', event.data.feeId);
    default:
      // Every other loan event leaves these four figures alone (see loan.evolve.ts).
      return;
  }
}
