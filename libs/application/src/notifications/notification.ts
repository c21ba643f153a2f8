import { AlertKind } from '@ledger/domain';

/** How a message reaches the borrower. */
export type NotificationChannel = 'email' | 'text';

/** The longest text message (one SMS segment). */
export const TEXT_LENGTH_MAX = 160;

/** One message to one address. Never carries a bank account number or an SSN, only last-4 digits. */
export interface OutboundNotification {
  /** Idempotency id: the causing event's id and the channel; a provider drops a repeat. */
  notificationId: string;
  channel: NotificationChannel;
  /** Email address or E.164 mobile number. */
  to: string;
  /** Which alert preference allowed it; 'payByText' for a pay-by-text reminder, 'account' for notices always sent. */
  kind: AlertKind | 'payByText' | 'account';
  subject: string;
  body: string;
  /** The causing event. */
  eventType: string;
  accountLast4: string;
  occurredAt: string;
}

/** What one event owes the borrower: the messages, in the outbox under the event's id. */
export interface OutboxEntry {
  [field: string]: unknown;
  eventId: string;
  /** The event's global position, zero-padded to 20 digits so it sorts as text. */
  sortKey: string;
  messages: OutboundNotification[];
}

/** Global positions sort as zero-padded text (the read store sorts strings, and positions outgrow JS numbers). */
export const sortKeyOf = (position: string): string => position.padStart(20, '0');
