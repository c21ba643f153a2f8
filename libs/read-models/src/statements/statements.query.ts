import { invalidInput } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { STATEMENTS_COLLECTION, STATEMENT_LOANS_COLLECTION, StatementDocument, statementsProjection } from './statements.projection';

export type StatementView = Omit<StatementDocument, 'revision'>;
export interface StatementsPage {
  items: StatementView[];
  nextCursor: string | null;
}

const physical = (collection: string) => collectionName(statementsProjection.name, statementsProjection.version, collection);

/**
 * A loan's statements, newest cycle first, `limit` (1 to 100, default 25) per page with the
 * store's opaque cursor; null when the loan is unknown.
 */
export async function listStatements(
  store: ReadStore,
  accountNumber: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<StatementsPage | null> {
  const limit = page.limit ?? 25;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 100) {
    throw invalidInput('LIMIT_OUT_OF_RANGE', 'limit must be a whole number from 1 to 100', 'limit');
  }
  if (!(await store.get(physical(STATEMENT_LOANS_COLLECTION), accountNumber))) return null;
  const found = await store.find<StatementDocument>(physical(STATEMENTS_COLLECTION), {
    where: { accountNumber },
    sort: [{ field: 'cycle', direction: 'desc' }],
    limit,
    ...(page.cursor !== undefined ? { after: page.cursor } : {}),
  });
  return {
    items: found.documents.map(({ document: { revision: _revision, ...view } }) => view),
    nextCursor: found.nextCursor,
  };
}
