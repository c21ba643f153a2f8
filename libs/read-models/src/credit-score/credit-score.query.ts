import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { CREDIT_SCORES_COLLECTION, CreditScoreDocument, CreditScoreEntry, creditScoreProjection } from './credit-score.projection';

export interface CreditScoreAnswer {
  customerId: string;
  latest: CreditScoreEntry | null;
  /** Newest first: latest as-of date first, and of one date the one recorded last first. */
  history: CreditScoreEntry[];
}

/**
 * The latest score and the history, or null for an unknown customer. "Latest" follows the
 * customer domain's rule (latestCreditScore): the latest as-of date, and on one date the report
 * recorded last, since a late report of an old score must not replace a newer one.
 */
export async function getCreditScore(store: ReadStore, customerId: string): Promise<CreditScoreAnswer | null> {
  const collection = collectionName(creditScoreProjection.name, creditScoreProjection.version, CREDIT_SCORES_COLLECTION);
  const stored = await store.get<CreditScoreDocument>(collection, customerId);
  if (stored === null) return null;
  // Reversing first makes the stable sort put the later recorded of two equal dates first.
  const history = [...stored.document.scores].reverse().sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
  return { customerId, latest: history[0] ?? null, history };
}
