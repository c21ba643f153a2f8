import { BusinessDate, PaymentStatus, addDays, invalidInput } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore, WhereCondition } from '../stores/read-store.port';
import {
  PAYMENTS_COLLECTION, PAYMENT_LOANS_COLLECTION, PaymentHistoryDocument, paymentDocumentId, paymentHistoryProjection,
} from './payment-history.projection';

export const PAYMENT_PAGE_LIMIT_DEFAULT = 25;
export const PAYMENT_PAGE_LIMIT_MAX = 100;
const PAYMENT_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'SUBMITTED', 'SETTLED', 'RETURNED', 'CANCELLED'];

/** One payment as GET /v1/loans/{acct}/payments answers it (the document without bookkeeping fields). */
export type PaymentView = Omit<PaymentHistoryDocument, 'revision' | 'sortKey'>;

export interface PaymentHistoryFilter {
  status?: PaymentStatus;
  /** Effective date on or after. */
  from?: BusinessDate;
  /** Effective date on or before. */
  to?: BusinessDate;
  /** 1 to 100, default 25. */
  limit?: number;
  /** The `nextCursor` of the previous page of the same filter. */
  cursor?: string;
}

export interface PaymentHistoryPage {
  items: PaymentView[];
  /** Null on the last page. */
  nextCursor: string | null;
}

const physical = (collection: string) => collectionName(paymentHistoryProjection.name, paymentHistoryProjection.version, collection);

const toView = ({ revision: _revision, sortKey: _sortKey, ...view }: PaymentHistoryDocument): PaymentView => view;

/**
 * A page of a loan's payments, newest effective date first (ties: the later recorded first),
 * filtered by status and effective-date range; null when the loan is unknown. The cursor is the
 * store's keyset cursor, so a page costs one index range scan whatever the loan's history length.
 * Refuses a limit outside 1..100 or an unknown status (InvalidInput).
 */
export async function listPayments(store: ReadStore, accountNumber: string, filter: PaymentHistoryFilter = {}): Promise<PaymentHistoryPage | null> {
  const limit = filter.limit ?? PAYMENT_PAGE_LIMIT_DEFAULT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > PAYMENT_PAGE_LIMIT_MAX) {
    throw invalidInput('LIMIT_OUT_OF_RANGE', `limit must be a whole number from 1 to ${PAYMENT_PAGE_LIMIT_MAX}`, 'limit');
  }
  if (filter.status !== undefined && !PAYMENT_STATUSES.includes(filter.status)) {
    throw invalidInput('PAYMENT_STATUS_UNKNOWN', `status must be one of ${PAYMENT_STATUSES.join(', ')}`, 'status');
  }
  if (!(await store.get(physical(PAYMENT_LOANS_COLLECTION), accountNumber))) return null;
  const where: Record<string, WhereCondition> = { accountNumber };
  if (filter.status !== undefined) where.status = filter.status;
  // Sort keys start with the effective date, so a date range is a key range: [from, to + 1 day).
  if (filter.from !== undefined || filter.to !== undefined) {
    where.sortKey = {
      ...(filter.from !== undefined ? { gte: filter.from } : {}),
      ...(filter.to !== undefined ? { lt: addDays(filter.to, 1) } : {}),
    };
  }
  const page = await store.find<PaymentHistoryDocument>(physical(PAYMENTS_COLLECTION), {
    where,
    sort: [{ field: 'sortKey', direction: 'desc' }],
    limit,
    ...(filter.cursor !== undefined ? { after: filter.cursor } : {}),
  });
  return { items: page.documents.map((stored) => toView(stored.document)), nextCursor: page.nextCursor };
}

/** One payment of a loan, or null when the loan or the payment is unknown. */
export async function getPayment(store: ReadStore, accountNumber: string, paymentId: string): Promise<PaymentView | null> {
  const stored = await store.get<PaymentHistoryDocument>(physical(PAYMENTS_COLLECTION), paymentDocumentId(accountNumber, paymentId));
  return stored ? toView(stored.document) : null;
}
