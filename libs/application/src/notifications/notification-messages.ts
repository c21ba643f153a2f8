import { AlertKind, lastFour } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { TEXT_LENGTH_MAX } from './notification';

/** A message an event calls for, before preferences and addresses are applied. */
export interface DraftMessage {
  /** Which preference governs it; 'payByText' and 'account' ignore preferences. */
  kind: AlertKind | 'payByText' | 'account';
  subject: string;
  /** The short form, used as the text and as the email's first line. */
  text: string;
  /** When set, the only channel (a pay-by-text reminder is a text; a suspension an email). */
  only?: 'email' | 'text';
}

type Data = Record<string, unknown>;
const s = (data: Data, field: string): string => String(data[field] ?? '');
const usDate = (date: string): string => {
  const [year, month, day] = date.split('-');
  return `${month}/${day}/${year}`;
};

/**
 * What the borrower is told about an event (docs/servicing-rules.md: payment, statement and title
 * alerts, the pay-by-text reminder, an AutoPay suspension). Null when the event tells them nothing.
 * Texts name the last 4 digits of the loan and of the bank account only, and stay within 160 characters.
 */
export function draftMessage(event: RecordedEvent): DraftMessage | null {
  const loan = `loan ...${lastFour(event.streamId.slice('loan-'.length))}`;
  const data = event.data as Data;
  const draft = draftFor(event.type, data, loan);
  if (draft && draft.text.length > TEXT_LENGTH_MAX) {
    // Should not happen with these templates; a long carrier name or tracking number is cut, never split.
    return { ...draft, text: `${draft.text.slice(0, TEXT_LENGTH_MAX - 3)}...` };
  }
  return draft;
}

function draftFor(type: string, data: Data, loan: string): DraftMessage | null {
  switch (type) {
    case 'PaymentScheduled':
      return {
        kind: 'payment', subject: 'Payment scheduled',
        text: `Your $${s(data, 'amount')} payment on ${loan} from bank ...${s(data, 'fundingLast4')} is scheduled for ${usDate(s(data, 'scheduledFor'))}.`,
      };
    case 'PaymentSettled':
      return { kind: 'payment', subject: 'Payment received', text: `We received your $${s(data, 'amount')} payment on ${loan} on ${usDate(s(data, 'settledOn'))}. Thank you!` };
    case 'PaymentReturned':
      return {
        kind: 'payment', subject: 'Payment returned',
        text: `Your bank returned a payment on ${loan} (${s(data, 'returnCode')}) on ${usDate(s(data, 'returnedOn'))}. Please pay another way; a fee may apply.`,
      };
    case 'PaymentReminderSent':
      return { kind: 'payByText', subject: 'Payment reminder', text: s(data, 'message'), only: 'text' };
    case 'StatementIssued':
      return { kind: 'statements', subject: 'Your statement is ready', text: `Your ${loan} statement is ready: $${s(data, 'amountDue')} due ${usDate(s(data, 'dueDate'))}.` };
    case 'LienReleaseRequested':
      return { kind: 'title', subject: 'Lien release requested', text: `Paid off! We asked the state to release the lien on your vehicle (${loan}), expected by ${usDate(s(data, 'expectedBy'))}.` };
    case 'LienReleased':
      return { kind: 'title', subject: 'Lien released', text: `The lien on your vehicle (${loan}) was released on ${usDate(s(data, 'releasedOn'))}.` };
    case 'TitleMailed':
      return { kind: 'title', subject: 'Title mailed', text: `Your title (${loan}) was mailed by ${s(data, 'carrier')}, tracking ${s(data, 'trackingNumber')}.` };
    case 'TitleDelivered':
      return { kind: 'title', subject: 'Title delivered', text: `Your title (${loan}) was delivered on ${usDate(s(data, 'deliveredOn'))}.` };
    case 'AutoPaySuspended':
      return {
        kind: 'account', subject: 'AutoPay suspended', only: 'email',
        text: `AutoPay on ${loan} is suspended after two returned payments in a row. Please pay another way or update your bank account.`,
      };
    default:
      return null;
  }
}
