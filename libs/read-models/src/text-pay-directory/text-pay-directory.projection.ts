import { RecordedEvent } from '@ledger/event-store';
import { DocumentTarget, EvolveContext, Projection } from '../projection';
import { DocumentBody } from '../stores/read-store.port';

/** Mobile number -> the loans enrolled in pay by text with it (a borrower may text for two cars). */
export interface TextPayMobileDocument extends DocumentBody {
  mobileNumber: string;
  accountNumbers: string[];
}

/** Loan -> the mobile it is enrolled with: how a cancellation (which names no number) finds its mobile. */
export interface TextPayLoanDocument extends DocumentBody {
  accountNumber: string;
  mobileNumber: string;
}

export const TEXT_PAY_MOBILES = 'mobiles';
export const TEXT_PAY_LOANS = 'loans';

const HANDLED = new Set(['TextPayEnrolled', 'TextPayCancelled', 'LoanPaidOff']);
const accountOf = (event: RecordedEvent): string => event.streamId.slice('loan-'.length);

/**
 * Who may pay by text from which number, for the inbound SMS webhook: only enrolment,
 * cancellation and payoff matter. The loan document is evolved last, so the lookup to the old
 * mobile (to remove the loan from it) still sees the number it had before this event.
 */
export const textPayDirectoryProjection: Projection = {
  name: 'text-pay-directory',
  version: 1,
  collections: [
    { name: TEXT_PAY_MOBILES, indexes: [] },
    { name: TEXT_PAY_LOANS, indexes: [] },
  ],
  canHandle: (event) => event.streamId.startsWith('loan-') && HANDLED.has(event.type),
  documentIdsFor(event): DocumentTarget[] {
    const accountNumber = accountOf(event);
    const previous: DocumentTarget = { collection: TEXT_PAY_MOBILES, via: { collection: TEXT_PAY_LOANS, id: accountNumber, field: 'mobileNumber' } };
    const loan: DocumentTarget = { collection: TEXT_PAY_LOANS, id: accountNumber };
    if (event.type !== 'TextPayEnrolled') return [previous, loan];
    return [previous, { collection: TEXT_PAY_MOBILES, id: String(event.data.mobileNumber) }, loan];
  },
  evolve(document: DocumentBody | null, event: RecordedEvent, context: EvolveContext): DocumentBody | null {
    const accountNumber = accountOf(event);
    const enrolledMobile = event.type === 'TextPayEnrolled' ? String(event.data.mobileNumber) : null;
    if (context.collection === TEXT_PAY_LOANS) {
      return enrolledMobile === null ? null : ({ accountNumber, mobileNumber: enrolledMobile } satisfies TextPayLoanDocument);
    }
    const current = (document as TextPayMobileDocument | null)?.accountNumbers ?? [];
    const others = current.filter((account) => account !== accountNumber);
    const accountNumbers = context.id === enrolledMobile ? [...others, accountNumber].sort() : others;
    return accountNumbers.length === 0 ? null : ({ mobileNumber: context.id, accountNumbers } satisfies TextPayMobileDocument);
  },
};
