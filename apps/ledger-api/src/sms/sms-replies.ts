import { LoanEvent, LoanState, lastFour, pendingPaymentsForCycle, textReplyKeyword, textReplyMessage } from '@ledger/domain';

/** One loan's decision on an inbound text: what it wrote and the state it decided on. */
export interface TextDecision {
  accountNumber: string;
  decided: LoanEvent[];
  state: LoanState;
}

/** The help reply: unknown number, unknown word, or nothing to act on. */
export const HELP_REPLY = 'Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.';

const usDate = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}`;

/**
 * The reply to an inbound text (domain.md, "Pay by text"), at most 160 characters. The domain's
 * `textReplyMessage` words the confirmation and the STOP answer; a second PAY gets its own
 * answer here ("already scheduled"), which needs the state the domain decided on.
 */
export function smsReply(body: string, decisions: readonly TextDecision[]): string {
  const keyword = textReplyKeyword(body);
  if (decisions.length === 0 || keyword === 'OTHER') return HELP_REPLY;
  const scheduled = decisions.filter((decision) => decision.decided.some((event) => event.type === 'PaymentScheduled'));
  if (scheduled.length === 1) return textReplyMessage(body, scheduled[0].decided);
  if (scheduled.length > 1) return `Thanks! Payments on ${scheduled.length} loans will be paid today from your bank on file.`;
  if (keyword === 'STOP') return textReplyMessage(body, decisions.flatMap((decision) => decision.decided));
  const already = decisions.map(alreadyScheduled).find((reply) => reply !== null);
  return already ?? 'Nothing is due on your loan right now, so no payment was scheduled. Reply STOP to end pay by text.';
}

/** "Already scheduled" when the reminded cycle has a pending payment: a second PAY writes nothing. */
function alreadyScheduled({ accountNumber, state }: TextDecision): string | null {
  if (state.status === 'NotOpened' || state.remindedCycles.length === 0) return null;
  const cycle = Math.max(...state.remindedCycles);
  const [pending] = pendingPaymentsForCycle(state, cycle);
  if (!pending) return null;
  return `Your $${pending.amount.toString()} payment on loan ...${lastFour(accountNumber)} is already scheduled for ${usDate(pending.effectiveDate)}. Nothing more was scheduled.`;
}
