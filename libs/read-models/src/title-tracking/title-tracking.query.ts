import { BusinessDate, compareDates } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { TITLES_COLLECTION, TitleDocument, titleTrackingProjection } from './title-tracking.projection';

export type TitleTrackingView = Omit<TitleDocument, 'revision'> & { overdue: boolean };

const IN_FLIGHT: ReadonlySet<TitleDocument['status']> = new Set(['LIEN_RELEASE_REQUESTED', 'LIEN_RELEASED', 'TITLE_MAILED']);

/**
 * Overdue: a step is awaited and the business date is past the date it was expected by (the
 * lien released within 10 days of payoff, a paper title mailed within 10 days of the release,
 * a mailed title delivered by the carrier's expected date). Nothing is overdue before payoff,
 * once delivered, or under manual review. docs/servicing-rules.md, "Payoff, lien release and title".
 */
export const isTitleOverdue = (document: Pick<TitleDocument, 'status' | 'expectedBy'>, businessDate: BusinessDate): boolean =>
  IN_FLIGHT.has(document.status) && document.expectedBy !== null && compareDates(businessDate, document.expectedBy) > 0;

/** The title of a loan as of the business date, or null when the loan is unknown. */
export async function getTitleTracking(store: ReadStore, accountNumber: string, businessDate: BusinessDate): Promise<TitleTrackingView | null> {
  const collection = collectionName(titleTrackingProjection.name, titleTrackingProjection.version, TITLES_COLLECTION);
  const stored = await store.get<TitleDocument>(collection, accountNumber);
  if (stored === null) return null;
  const { revision: _revision, ...view } = stored.document;
  return { ...view, overdue: isTitleOverdue(stored.document, businessDate) };
}
