import { BusinessDate, Apr, compareDates, interestForDays, invalidInput, Money } from '@ledger/domain';
import { ReadStore } from '../stores/read-store.port';
import { findLoanBalanceDocument } from '../loan-balance/loan-balance.query';
import { quoteAsOf } from '../loan-balance/loan-balance.figures';

/** The answer of GET /v1/loans/{acct}/payoff-quote?asOf=; amounts are two-decimal strings. */
export interface PayoffQuoteAnswer {
  accountNumber: string;
  asOf: BusinessDate;
  principal: string;
  accruedInterest: string;
  /** Interest from the last posting date to `asOf`, not posted. */
  interestSinceLastPosting: string;
  fees: string;
  total: string;
  /** A quote is good for the day it is made for: interest grows every day. */
  goodThrough: BusinessDate;
  /** One more day of interest on the current principal, for a payment that arrives a day later. */
  perDiem: string;
  lastPostedOn: BusinessDate;
}

/**
 * The payoff quote as of `asOf`, with its parts, from the loan-balance read model (which holds
 * every input: principal, posted interest, unpaid fees, APR and L); null for an unknown loan.
 * Decision: an `asOf` before the last posting date L is refused (InvalidInput
 * PAYOFF_AS_OF_BEFORE_LAST_POSTING, 400) rather than quoted as of L: the balances already
 * reflect payments effective after `asOf`, so such a quote would be wrong for that date, and the
 * audit endpoint (replay as of an instant) is the right tool for past figures.
 * docs/servicing-rules.md, "Payoff, lien release and title".
 */
export async function getPayoffQuote(store: ReadStore, accountNumber: string, asOf: BusinessDate): Promise<PayoffQuoteAnswer | null> {
  const document = await findLoanBalanceDocument(store, accountNumber);
  if (document === null) return null;
  if (compareDates(asOf, document.lastPostedOn) < 0) {
    throw invalidInput(
      'PAYOFF_AS_OF_BEFORE_LAST_POSTING',
      `asOf must be on or after ${document.lastPostedOn}, the last interest posting date of this loan`,
      'asOf',
    );
  }
  const quote = quoteAsOf(document, asOf);
  return {
    accountNumber: document.accountNumber,
    asOf,
    principal: quote.principal.toString(),
    accruedInterest: quote.accruedInterest.toString(),
    interestSinceLastPosting: quote.interestSinceLastPosting.toString(),
    fees: quote.fees.toString(),
    total: quote.total.toString(),
    goodThrough: asOf,
    perDiem: interestForDays(Money.fromStored(document.principal), Apr.parse(document.terms.apr), 1).toString(),
    lastPostedOn: document.lastPostedOn,
  };
}
