import { FindQuery, ReadStore, StoredDocument } from '../read-store.port';
import type { ReadModelStorage } from '../open-read-store';
import { BatchWriter, CreateStorage, paymentsDefinition, upsert } from './contract-fixtures';

/** Twelve payments over two loans, with ties in every sort field and a few missing values. */
const PAYMENTS = Array.from({ length: 12 }, (_, index) => ({
  id: `pay-${String(index).padStart(2, '0')}`,
  document: {
    status: ['SCHEDULED', 'SETTLED', 'RETURNED'][index % 3],
    reference: `R-${index}`,
    amount: (index * 7) % 5,
    scheduledFor: index === 4 ? null : `2025-0${1 + (index % 4)}-15`,
    loan: { accountNumber: index < 6 ? '12345678' : '87654321' },
  },
}));

/** Pages through a whole query, two documents at a time. */
const readAllPages = async (store: ReadStore, collection: string, query: FindQuery): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const result: { documents: StoredDocument[]; nextCursor: string | null } = await store.find(collection, {
      ...query,
      limit: 2,
      after,
    });
    ids.push(...result.documents.map((stored) => stored.id));
    if (result.nextCursor === null) return ids;
    after = result.nextCursor;
  }
  throw new Error('pagination did not end');
};

export const describeReadStoreQueries = (name: string, createStorage: CreateStorage): void => {
  describe(`${name} read store queries`, () => {
    const payments = 'payments_v1_payments';
    let storage: ReadModelStorage;
    let store: ReadStore;

    beforeEach(async () => {
      storage = await createStorage();
      store = storage.readStore;
      await store.ensureCollections([paymentsDefinition(payments)]);
      await new BatchWriter(store).write(...PAYMENTS.map((payment, index) => upsert(payments, payment.id, payment.document, index + 1)));
    });
    afterEach(() => storage.close());

    const ids = (documents: StoredDocument[]) => documents.map((stored) => stored.id);

    it('finds by equality on an indexed field, ordered by id without a sort', async () => {
      const result = await store.find(payments, { where: { status: 'SETTLED' } });
      expect(ids(result.documents)).toEqual(['pay-01', 'pay-04', 'pay-07', 'pay-10']);
      expect(result.nextCursor).toBeNull();
    });

    it('finds by equality on a nested field combined with a range', async () => {
      const result = await store.find(payments, {
        where: { 'loan.accountNumber': '87654321', scheduledFor: { gte: '2025-02-01', lt: '2025-04-01' } },
      });
      expect(ids(result.documents)).toEqual(['pay-06', 'pay-09', 'pay-10']);
    });

    it('finds by a numeric range', async () => {
      const result = await store.find(payments, { where: { amount: { gt: 2 } } });
      expect(ids(result.documents)).toEqual(['pay-02', 'pay-04', 'pay-07', 'pay-09']);
    });

    it('treats an equality with null as "missing or null"', async () => {
      const result = await store.find(payments, { where: { scheduledFor: null } });
      expect(ids(result.documents)).toEqual(['pay-04']);
    });

    it('sorts descending with nulls last and ties broken by id', async () => {
      const result = await store.find(payments, { sort: [{ field: 'scheduledFor', direction: 'desc' }], limit: 12 });
      expect(ids(result.documents)).toEqual([
        'pay-03', 'pay-07', 'pay-11', 'pay-02', 'pay-06', 'pay-10', 'pay-01', 'pay-05', 'pay-09', 'pay-00', 'pay-08', 'pay-04',
      ]);
    });

    const orders: [string, FindQuery][] = [
      ['by id', {}],
      ['by a tied field ascending', { sort: [{ field: 'status', direction: 'asc' }] }],
      ['by a field with nulls descending', { sort: [{ field: 'scheduledFor', direction: 'desc' }] }],
      ['by a field with nulls ascending', { sort: [{ field: 'scheduledFor', direction: 'asc' }] }],
      [
        'by mixed directions on two fields',
        { sort: [{ field: 'amount', direction: 'desc' }, { field: 'status', direction: 'asc' }] },
      ],
      ['with a filter', { where: { 'loan.accountNumber': '12345678' }, sort: [{ field: 'amount', direction: 'asc' }] }],
    ];

    it.each(orders)('pages %s with no duplicates and no gaps', async (_label, query) => {
      const all = await store.find(payments, { ...query, limit: 100 });
      expect(await readAllPages(store, payments, query)).toEqual(ids(all.documents));
    });

    it('refuses a cursor from another sort', async () => {
      const first = await store.find(payments, { sort: [{ field: 'status', direction: 'asc' }], limit: 2 });
      const reused = store.find(payments, { sort: [{ field: 'amount', direction: 'asc' }], after: first.nextCursor ?? '' });
      await expect(reused).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    });

    it('refuses a cursor it never made', async () => {
      await expect(store.find(payments, { after: 'not-a-cursor' })).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    });

    it('refuses a limit beyond the maximum', async () => {
      await expect(store.find(payments, { limit: 5000 })).rejects.toMatchObject({ reason: 'INVALID_QUERY' });
    });

    it('reads an unknown collection as empty', async () => {
      expect(await store.find('unknown_v1_things')).toEqual({ documents: [], nextCursor: null });
    });
  });
};
