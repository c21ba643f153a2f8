import { BusinessDate } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { SERVICING_DUE_COLLECTION, ServicingDueDocument, servicingCalendarProjection } from './servicing-calendar.projection';

export interface LoansWithWorkPage {
  accountNumbers: string[];
  nextCursor: string | null;
}

/**
 * The active loans whose next work date is on or before `date`, earliest first, a page of
 * `limit` (default 500, at most the store's 1000) at a time with the store's cursor. The daily
 * cycle for `date` runs these loans only; see the projection for why an entry may be early.
 */
export async function loansWithWorkDueOn(store: ReadStore, date: BusinessDate, limit = 500, cursor?: string): Promise<LoansWithWorkPage> {
  const collection = collectionName(servicingCalendarProjection.name, servicingCalendarProjection.version, SERVICING_DUE_COLLECTION);
  const page = await store.find<ServicingDueDocument>(collection, {
    where: { nextWorkOn: { lte: date } },
    sort: [{ field: 'nextWorkOn', direction: 'asc' }],
    limit,
    ...(cursor !== undefined ? { after: cursor } : {}),
  });
  return { accountNumbers: page.documents.map((stored) => stored.document.accountNumber), nextCursor: page.nextCursor };
}
