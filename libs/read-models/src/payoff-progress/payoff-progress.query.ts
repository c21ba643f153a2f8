import { Apr, BusinessDate, Money } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { centsOf } from '../event-views/stored-money';
import { projectedPayoffDate } from './payoff-progress.amortisation';
import { PROGRESS_COLLECTION, PayoffProgressDocument, payoffProgressProjection } from './payoff-progress.projection';

export interface PayoffProgress {
  accountNumber: string;
  status: 'ACTIVE' | 'PAID_OFF';
  originalPrincipal: string;
  principalPaid: string;
  /** principalPaid / originalPrincipal in percent, two decimals, rounded half-up. */
  percentPaid: string;
  interestPaid: string;
  paymentsMade: number;
  /** Paying the installment on every due date from `asOf` (see projectedPayoffDate); the payoff date once paid off. */
  projectedPayoffDate: BusinessDate | null;
  maturityDate: BusinessDate;
}

/** `part / whole * 100` with two decimals, half-up, in integer arithmetic on cents (no float). */
export function percentOf(part: string, whole: string): string {
  const wholeCents = centsOf(whole);
  if (wholeCents <= 0n) return '0.00';
  const hundredths = (centsOf(part) * 10000n * 2n + wholeCents) / (2n * wholeCents);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** The payoff progress of a loan as of the business date, or null when the loan is unknown. */
export async function getPayoffProgress(store: ReadStore, accountNumber: string, asOf: BusinessDate): Promise<PayoffProgress | null> {
  const collection = collectionName(payoffProgressProjection.name, payoffProgressProjection.version, PROGRESS_COLLECTION);
  const stored = await store.get<PayoffProgressDocument>(collection, accountNumber);
  if (stored === null) return null;
  const document = stored.document;
  const principalPaid = Money.fromStored(document.originalPrincipal).minus(Money.fromStored(document.principal)).toString();
  const projected =
    document.status === 'PAID_OFF'
      ? document.paidOffOn
      : projectedPayoffDate({
          principal: Money.fromStored(document.principal), accruedInterest: Money.fromStored(document.accruedInterest),
          apr: Apr.parse(document.terms.apr), installment: Money.fromStored(document.terms.installment),
          lastPostedOn: document.lastPostedOn, firstPaymentDate: document.terms.firstPaymentDate, asOf,
        });
  return {
    accountNumber, status: document.status, originalPrincipal: document.originalPrincipal, principalPaid,
    percentPaid: percentOf(principalPaid, document.originalPrincipal), interestPaid: document.interestPaid,
    paymentsMade: document.paymentsMade, projectedPayoffDate: projected, maturityDate: document.terms.maturityDate,
  };
}
