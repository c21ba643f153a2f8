import { parseCustomerId } from '@ledger/domain';
import { CUSTOMER, Journal, d } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { storeWith } from '../event-views/store.fixtures';
import { CREDIT_SCORES_COLLECTION, CreditScoreDocument, creditScoreProjection } from './credit-score.projection';
import { getCreditScore } from './credit-score.query';

const record = (journal: Journal, score: number, asOf: string, on: string) =>
  journal.customer({ type: 'RecordCreditScore', data: { customerId: parseCustomerId(CUSTOMER), score, model: 'FICO Score 8', bureau: 'EXPERIAN', asOf: d(asOf) } }, on);

/** Scores recorded: 700 as of Feb 1, 742 as of Mar 1, then a late report of 690 as of Jan 15. */
const scored = () => {
  const journal = new Journal().registerCustomer();
  record(journal, 700, '2026-02-01', '2026-02-02');
  record(journal, 742, '2026-03-01', '2026-03-02');
  record(journal, 690, '2026-01-15', '2026-03-05');
  return journal;
};
const documentAfter = (journal: Journal) =>
  folded<CreditScoreDocument>(foldProjection(creditScoreProjection, journal.events), CREDIT_SCORES_COLLECTION, CUSTOMER);

describe('credit-score: a customer just registered', () => {
  it('has no scores', () => expect(documentAfter(new Journal().registerCustomer())?.scores).toEqual([]));
});

describe('credit-score: three scores recorded', () => {
  it('keeps them in the order recorded', () => expect(documentAfter(scored())?.scores.map((entry) => entry.score)).toEqual([700, 742, 690]));
  it('changes nothing when an event is delivered again', () => {
    const journal = scored();
    expect(foldProjection(creditScoreProjection, [...journal.events, journal.events[1]])).toEqual(foldProjection(creditScoreProjection, journal.events));
  });
});

describe('getCreditScore', () => {
  const answer = async () => getCreditScore(await storeWith([creditScoreProjection], scored().events), CUSTOMER);
  it('names the score with the latest as-of date, not the one recorded last', async () => expect((await answer())?.latest?.score).toBe(742));
  it('lists the history newest first', async () => expect((await answer())?.history.map((entry) => entry.asOf)).toEqual(['2026-03-01', '2026-02-01', '2026-01-15']));
  it('answers null for an unknown customer', async () => expect(await getCreditScore(await storeWith([creditScoreProjection], scored().events), 'C-9')).toBeNull());
});
