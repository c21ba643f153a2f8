import { BusinessDate } from '@ledger/domain';
import { Projection } from '../projection';
import { DocumentBody } from '../stores/read-store.port';
import { accountNumberOf, alreadyApplied, businessDateOf, isLoanEvent, loanEventOf } from '../event-views/event-views';
import { ServicingInputsDocument, evolveInputs, openedInputs, withDate } from './servicing-calendar.inputs';
import { nextWorkOn } from './servicing-calendar.next-work';

export const SERVICING_INPUTS_COLLECTION = 'inputs';
export const SERVICING_DUE_COLLECTION = 'due';

/** One active loan in the calendar: the daily cycle of `nextWorkOn` or later may have work for it. */
export type ServicingDueDocument = { accountNumber: string; revision: number; nextWorkOn: BusinessDate };

/**
 * The index the daily cycle reads to find the loans with work due without reading every stream.
 * Each loan event updates the loan's inputs and then its `due` entry, derived from the inputs
 * alone (through `related`), so a paid-off loan leaves the calendar and a reactivated one comes
 * back. Known imprecision: a loan whose check produced no event (a late-fee check that found
 * the installment covered by a pending payment, a reminder not sent) keeps its date until its
 * next event, so the cycle asks it again each day and decides nothing, which is harmless.
 */
export const servicingCalendarProjection: Projection = {
  name: 'servicing-calendar',
  version: 1,
  collections: [
    { name: SERVICING_INPUTS_COLLECTION, indexes: [] },
    { name: SERVICING_DUE_COLLECTION, indexes: [{ fields: [{ field: 'nextWorkOn', direction: 'asc' }] }] },
  ],
  canHandle: isLoanEvent,
  documentIdsFor: (event) => [
    { collection: SERVICING_INPUTS_COLLECTION, id: accountNumberOf(event) },
    { collection: SERVICING_DUE_COLLECTION, id: accountNumberOf(event) },
  ],
  evolve: (document, recorded, context): DocumentBody | null => {
    const event = loanEventOf(recorded);
    if (event === null) return document;
    if (context.collection === SERVICING_DUE_COLLECTION) {
      // Derived from the inputs as they stand after this event, so redelivery derives the same entry.
      const inputs = context.related(SERVICING_INPUTS_COLLECTION, context.id) as ServicingInputsDocument | null;
      if (inputs === null || inputs.status !== 'ACTIVE') return null;
      return { accountNumber: inputs.accountNumber, revision: inputs.revision, nextWorkOn: nextWorkOn(inputs) };
    }
    if (alreadyApplied(document, recorded)) return document;
    if (event.type === 'LoanOpened') return openedInputs(event, recorded.revision);
    if (document === null) return null;
    return withDate(evolveInputs(document as ServicingInputsDocument, event), businessDateOf(event), recorded.revision);
  },
};
