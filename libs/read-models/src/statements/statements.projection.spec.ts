import { RecordedEvent } from '@ledger/event-store';
import { ACCOUNT, Journal, openLoan } from '../event-views/journal.fixtures';
import { storeWith } from '../event-views/store.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { STATEMENTS_COLLECTION, StatementDocument, statementsProjection } from './statements.projection';
import { listStatements } from './statements.query';

const statementAfter = (events: readonly RecordedEvent[], cycle: number) =>
  folded<StatementDocument>(foldProjection(statementsProjection, events), STATEMENTS_COLLECTION, `${ACCOUNT}:${cycle}`);

/** Nothing paid; the daily cycle ran from 2026-02-01 to 2026-03-10 (statements on 02-03 and 03-03). */
const twoStatements = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal.days('2026-02-01', '2026-03-10');
};

describe('statements: the statement of cycle 1 issued', () => {
  const statement = statementAfter(twoStatements().events, 1);
  it('is dated 21 days before the due date', () => expect([statement?.statementDate, statement?.dueDate]).toEqual(['2026-02-03', '2026-02-24']));
  it('asks for the installment', () => expect(statement?.amountDue).toBe('489.04'));
  it('names its document', () => expect(statement?.document.name).toBe(`statements/${ACCOUNT}/1.pdf`));
});

describe('statements: the statement of cycle 2 after an unpaid cycle 1', () => {
  const statement = statementAfter(twoStatements().events, 2);
  it('shows the first installment past due', () => expect(statement?.pastDue).toBe('489.04'));
  it('asks for both installments', () => expect(statement?.amountDue).toBe('978.08'));
  it('has no fee due yet (the late fee comes on 2026-03-07)', () => expect(statement?.feesDue).toBe('0.00'));
});

describe('statements: a statement delivered again', () => {
  it('changes nothing', () => {
    const { events } = twoStatements();
    expect(foldProjection(statementsProjection, [...events, ...events])).toEqual(foldProjection(statementsProjection, events));
  });
});

describe('listStatements', () => {
  it('lists the newest cycle first', async () => {
    const page = await listStatements(await storeWith([statementsProjection], twoStatements().events), ACCOUNT);
    expect(page?.items.map((item) => item.cycle)).toEqual([2, 1]);
  });
  it('answers null for an unknown loan', async () =>
    expect(await listStatements(await storeWith([statementsProjection], twoStatements().events), '99999999')).toBeNull());
});
