import { BusinessDate } from '@ledger/domain';
import { DocumentTarget, Projection } from '../projection';
import { accountNumberOf, alreadyApplied, loanEventOf } from '../event-views/event-views';

export const STATEMENTS_COLLECTION = 'statements';
/** One marker per loan, so the query tells "no statement yet" from "no such loan". */
export const STATEMENT_LOANS_COLLECTION = 'loans';

/**
 * One issued statement, id `${accountNumber}:${cycle}`. `document` names the PDF the statement
 * is (or will be) rendered to; rendering and serving the file are out of scope of the ledger.
 */
export type StatementDocument = {
  accountNumber: string;
  revision: number;
  cycle: number;
  statementDate: BusinessDate;
  dueDate: BusinessDate;
  amountDue: string;
  pastDue: string;
  feesDue: string;
  payoffOnDueDate: string;
  document: { name: string; contentType: 'application/pdf' };
};

export const statementDocumentId = (accountNumber: string, cycle: number): string => `${accountNumber}:${cycle}`;

/** GET /v1/loans/{acct}/statements: the statements of a loan, newest cycle first. */
export const statementsProjection: Projection = {
  name: 'statements',
  version: 1,
  collections: [
    {
      name: STATEMENTS_COLLECTION,
      indexes: [{ fields: [{ field: 'accountNumber', direction: 'asc' }, { field: 'cycle', direction: 'desc' }] }],
    },
    { name: STATEMENT_LOANS_COLLECTION, indexes: [] },
  ],
  canHandle: (event) => loanEventOf(event) !== null && (event.type === 'LoanOpened' || event.type === 'StatementIssued'),
  documentIdsFor: (event): DocumentTarget[] =>
    event.type === 'LoanOpened'
      ? [{ collection: STATEMENT_LOANS_COLLECTION, id: accountNumberOf(event) }]
      : [{ collection: STATEMENTS_COLLECTION, id: statementDocumentId(accountNumberOf(event), Number(event.data.cycle)) }],
  evolve: (document, recorded) => {
    const event = loanEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    const accountNumber = accountNumberOf(recorded);
    if (event.type === 'LoanOpened') return { accountNumber, revision: recorded.revision };
    if (event.type !== 'StatementIssued') return document;
    const { cycle, statementDate, dueDate, amountDue, pastDue, feesDue, payoffOnDueDate } = event.data;
    const statement: StatementDocument = {
      accountNumber, revision: recorded.revision, cycle, statementDate, dueDate, amountDue, pastDue, feesDue, payoffOnDueDate,
      document: { name: `statements/${accountNumber}/${cycle}.pdf`, contentType: 'application/pdf' },
    };
    return statement;
  },
};
