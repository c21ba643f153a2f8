import { BusinessDate } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { AutoPayView, LastPaymentView, LoanBalanceDocument, TextPayView } from './loan-balance.document';
import { balanceFigures } from './loan-balance.figures';
import { LOAN_BALANCE_COLLECTION, loanBalanceProjection } from './loan-balance.projection';

/** The answer of GET /v1/loans/{acct}/balance; amounts are two-decimal strings. */
export interface LoanBalance {
  accountNumber: string;
  status: 'ACTIVE' | 'PAID_OFF';
  asOf: BusinessDate;
  principal: string;
  /** Interest posted and not yet paid. */
  accruedInterest: string;
  /** Interest accrued from the last posting date to `asOf`, not posted. */
  interestSinceLastPosting: string;
  lastPostedOn: BusinessDate;
  fees: string;
  payoffToday: string;
  amountDue: string;
  nextDueDate: BusinessDate | null;
  pastDueAmount: string;
  daysPastDue: number;
  refundDue: string;
  paidOffOn: BusinessDate | null;
  manualReviewRequired: boolean;
  autopay: { enrolled: false } | ({ enrolled: true } & AutoPayView);
  textPay: { enrolled: false } | ({ enrolled: true } & TextPayView);
  lastPayment: LastPaymentView | null;
}

/** The stored balance document of a loan, or null for an unknown account. */
export async function findLoanBalanceDocument(store: ReadStore, accountNumber: string): Promise<LoanBalanceDocument | null> {
  const collection = collectionName(loanBalanceProjection.name, loanBalanceProjection.version, LOAN_BALANCE_COLLECTION);
  return (await store.get<LoanBalanceDocument>(collection, accountNumber))?.document ?? null;
}

/**
 * The balance of a loan as of the business date `asOf` (the ledger's current business date for
 * "today"), or null when the loan is unknown. The stored facts come from the read model; the
 * figures that depend on the date are computed here with the domain's rules. `asOf` is expected
 * on or after the last event's date: for an earlier date the figures mix later facts in.
 */
export async function getLoanBalance(store: ReadStore, accountNumber: string, asOf: BusinessDate): Promise<LoanBalance | null> {
  const document = await findLoanBalanceDocument(store, accountNumber);
  if (document === null) return null;
  const figures = balanceFigures(document, asOf);
  return {
    accountNumber: document.accountNumber,
    status: document.status,
    asOf,
    principal: figures.quote.principal.toString(),
    accruedInterest: figures.quote.accruedInterest.toString(),
    interestSinceLastPosting: figures.quote.interestSinceLastPosting.toString(),
    lastPostedOn: document.lastPostedOn,
    fees: figures.quote.fees.toString(),
    payoffToday: figures.quote.total.toString(),
    amountDue: figures.amountDue.toString(),
    nextDueDate: figures.nextDueDate,
    pastDueAmount: figures.pastDue.toString(),
    daysPastDue: figures.daysPastDue,
    refundDue: document.refundDue,
    paidOffOn: document.paidOffOn,
    manualReviewRequired: document.manualReviewRequired,
    autopay: document.autopay ? { enrolled: true, ...document.autopay } : { enrolled: false },
    textPay: document.textPay ? { enrolled: true, ...document.textPay } : { enrolled: false },
    lastPayment: document.lastPayment,
  };
}
