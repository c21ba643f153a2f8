import { EventStore } from '@ledger/event-store';
import { LedgerClient, reasonOf } from '../client';
import { parseCents } from '../cents';
import { openLoan, schedulePayment, submitPayment } from '../ledger-setup';

export interface RaceOutcome {
  /** `${status} ${reason}` -> count. */
  answers: Record<string, number>;
  serverErrors: number;
}

const tally = (answers: Array<{ status: number; reason?: string }>): RaceOutcome => {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const label = `${answer.status}${answer.reason ? ` ${answer.reason}` : ''}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return { answers: counts, serverErrors: answers.filter((answer) => answer.status >= 500).length };
};

/** `settlers` concurrent bank callbacks settling one submitted payment, each with its own key. */
export async function raceSettlements(
  writer: LedgerClient,
  store: EventStore,
  accountNumber: string,
  businessDate: string,
  settlers: number,
) {
  await openLoan(writer, `C-${accountNumber}`, accountNumber, businessDate);
  const paymentId = await schedulePayment(
    writer,
    accountNumber,
    '250.00',
    businessDate,
    `race-pay-${accountNumber}`,
  );
  await submitPayment(store, accountNumber, paymentId, businessDate);
  const replies = await Promise.all(
    Array.from({ length: settlers }, (_, index) =>
      writer.command({
        method: 'POST',
        path: `/v1/loans/${accountNumber}/payments/${paymentId}/settle`,
        body: { settledOn: businessDate },
        idempotencyKey: `settle-${accountNumber}-${index}`,
      }),
    ),
  );
  const events = await store.readStream(`loan-${accountNumber}`);
  const settlements = events.filter(
    (event) => event.type === 'PaymentSettled' && event.data.paymentId === paymentId,
  ).length;
  return {
    ...tally(replies.map((reply) => ({ status: reply.status, reason: reasonOf(reply) }))),
    settlements,
  };
}

/**
 * `payers` clients each send the full payoff of one loan at once (MAIL, received today). The
 * rules: exactly one settlement pays the loan off; external funds still settle on a paid-off loan
 * and all of each becomes a refund due (domain.md, "Payments"; decide-payments.ts).
 */
export async function racePayoffs(
  writer: LedgerClient,
  reader: LedgerClient,
  store: EventStore,
  accountNumber: string,
  businessDate: string,
  payers: number,
) {
  await openLoan(writer, `C-${accountNumber}`, accountNumber, businessDate);
  const quote = await reader.send({
    method: 'GET',
    path: `/v1/loans/${accountNumber}/payoff-quote?asOf=${businessDate}`,
    headers: {},
  });
  const payoff = String((quote.body as Record<string, unknown>).total);
  const replies = await Promise.all(
    Array.from({ length: payers }, (_, index) =>
      writer.command({
        method: 'POST',
        path: `/v1/loans/${accountNumber}/external-payments`,
        body: { channel: 'MAIL', amount: payoff, receivedOn: businessDate },
        idempotencyKey: `payoff-${accountNumber}-${index}`,
      }),
    ),
  );
  const events = await store.readStream(`loan-${accountNumber}`);
  const settled = events.filter((event) => event.type === 'PaymentSettled');
  const overpaid = settled.filter(
    (event) =>
      parseCents((event.data.allocation as Record<string, string>).overpayment) === parseCents(payoff),
  );
  return {
    ...tally(replies.map((reply) => ({ status: reply.status, reason: reasonOf(reply) }))),
    payoff,
    paidOff: events.filter((event) => event.type === 'LoanPaidOff').length,
    settlements: settled.length,
    /** Settlements whose whole amount became a refund due (every one after the payoff). */
    wholeOverpayments: overpaid.length,
  };
}
