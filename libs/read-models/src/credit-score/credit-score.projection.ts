import { BusinessDate, CreditBureau } from '@ledger/domain';
import { Projection } from '../projection';
import { alreadyApplied, customerEventOf, customerIdOf } from '../event-views/event-views';

export const CREDIT_SCORES_COLLECTION = 'customers';

export type CreditScoreEntry = { score: number; model: string; bureau: CreditBureau; asOf: BusinessDate };

/** One document per customer (id = customer id): every score in the order it was recorded. */
export type CreditScoreDocument = { customerId: string; revision: number; scores: CreditScoreEntry[] };

/** GET /v1/customers/{id}/credit-score. Created at registration, so a customer without scores still answers. */
export const creditScoreProjection: Projection<CreditScoreDocument> = {
  name: 'credit-score',
  version: 1,
  collections: [{ name: CREDIT_SCORES_COLLECTION, indexes: [] }],
  canHandle: (event) => {
    const type = customerEventOf(event)?.type;
    return type === 'CustomerRegistered' || type === 'CreditScoreRecorded';
  },
  documentIdsFor: (event) => [{ collection: CREDIT_SCORES_COLLECTION, id: customerIdOf(event) }],
  evolve: (document, recorded) => {
    const event = customerEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    const current = document ?? { customerId: customerIdOf(recorded), revision: recorded.revision, scores: [] };
    if (event.type !== 'CreditScoreRecorded') return { ...current, revision: recorded.revision };
    const { score, model, bureau, asOf } = event.data;
    return { ...current, revision: recorded.revision, scores: [...current.scores, { score, model, bureau, asOf }] };
  },
};
