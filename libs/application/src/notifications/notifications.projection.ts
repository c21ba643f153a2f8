import { ALERT_KINDS, AlertPreferences, DEFAULT_ALERT_PREFERENCES, lastFour } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { DocumentBody, DocumentTarget, EvolveContext, Projection } from '@ledger/read-models';
import { NotificationChannel, OutboundNotification, OutboxEntry, sortKeyOf } from './notification';
import { draftMessage } from './notification-messages';

/** Loan -> its borrower, from LoanOpened. */
interface LoanOwner extends DocumentBody { accountNumber: string; customerId: string }
/** The borrower's addresses and alert preferences, from the customer stream. */
interface Recipient extends DocumentBody { customerId: string; email: string; mobile: string; preferences: AlertPreferences }

export const NOTIFICATION_LOANS = 'loans';
export const NOTIFICATION_CUSTOMERS = 'customers';
export const NOTIFICATION_OUTBOX = 'outbox';
/** Written by the dispatcher, never by the projection: one document per delivered entry. */
export const NOTIFICATION_DELIVERIES = 'deliveries';

const CUSTOMER_TYPES = new Set(['CustomerRegistered', 'ContactDetailsUpdated', 'AlertPreferencesUpdated']);
const accountOf = (event: RecordedEvent): string => event.streamId.slice('loan-'.length);

/**
 * The notifications process manager, as a projection: the projector engine gives it its own
 * subscription and checkpoint, and the outbox entry of an event is keyed by the event's id, so a
 * redelivered or replayed event finds its entry and creates nothing twice. The borrower's
 * addresses and preferences live in its own small documents, so it never queries another model.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  collections: [
    { name: NOTIFICATION_LOANS, indexes: [] },
    { name: NOTIFICATION_CUSTOMERS, indexes: [] },
    { name: NOTIFICATION_OUTBOX, indexes: [{ fields: [{ field: 'sortKey', direction: 'asc' }] }] },
    { name: NOTIFICATION_DELIVERIES, indexes: [] },
  ],
  canHandle: (event) =>
    (event.streamId.startsWith('customer-') && CUSTOMER_TYPES.has(event.type)) ||
    (event.streamId.startsWith('loan-') && (event.type === 'LoanOpened' || draftMessage(event) !== null)),
  documentIdsFor(event): DocumentTarget[] {
    if (event.streamId.startsWith('customer-')) return [{ collection: NOTIFICATION_CUSTOMERS, id: String(event.data.customerId) }];
    const accountNumber = accountOf(event);
    if (event.type === 'LoanOpened') return [{ collection: NOTIFICATION_LOANS, id: accountNumber }];
    return [
      { collection: NOTIFICATION_CUSTOMERS, via: { collection: NOTIFICATION_LOANS, id: accountNumber, field: 'customerId' } },
      { collection: NOTIFICATION_OUTBOX, id: event.eventId },
    ];
  },
  evolve(document: DocumentBody | null, event: RecordedEvent, context: EvolveContext): DocumentBody | null {
    switch (context.collection) {
      case NOTIFICATION_LOANS:
        return { accountNumber: accountOf(event), customerId: String(event.data.customerId) } satisfies LoanOwner;
      case NOTIFICATION_CUSTOMERS:
        return event.streamId.startsWith('customer-') ? evolveRecipient(document as Recipient | null, event) : document;
      case NOTIFICATION_OUTBOX:
        // An entry, once made, is never made again: that is what makes redelivery harmless.
        return document ?? outboxEntry(event, context);
      default:
        return document;
    }
  },
};

function evolveRecipient(recipient: Recipient | null, event: RecordedEvent): Recipient | null {
  const data = event.data;
  switch (event.type) {
    case 'CustomerRegistered':
      return {
        customerId: String(data.customerId), email: String(data.email), mobile: String(data.mobile),
        preferences: (data.alertPreferences as AlertPreferences | undefined) ?? DEFAULT_ALERT_PREFERENCES,
      };
    case 'ContactDetailsUpdated':
      return recipient && { ...recipient, email: String(data.email), mobile: String(data.mobile) };
    case 'AlertPreferencesUpdated': {
      const preferences = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, data[kind]])) as unknown as AlertPreferences;
      return recipient && { ...recipient, preferences };
    }
    default:
      return recipient;
  }
}

/** The messages one loan event owes its borrower, by the channels their preferences allow. */
function outboxEntry(event: RecordedEvent, context: EvolveContext): OutboxEntry | null {
  const draft = draftMessage(event);
  if (!draft) return null;
  const owner = context.related(NOTIFICATION_LOANS, accountOf(event)) as LoanOwner | null;
  const recipient = owner ? (context.related(NOTIFICATION_CUSTOMERS, owner.customerId) as Recipient | null) : null;
  const channels: Array<{ channel: NotificationChannel; to: string }> = [];
  const allowed = (channel: NotificationChannel): boolean =>
    draft.only !== undefined ? draft.only === channel : draft.kind === 'payByText' || draft.kind === 'account' || recipient?.preferences[draft.kind][channel] === true;
  if (recipient && allowed('email')) channels.push({ channel: 'email', to: recipient.email });
  // A pay-by-text reminder goes to the number the loan enrolled, which the event names.
  const mobile = draft.kind === 'payByText' ? String(event.data.mobileNumber) : recipient?.mobile;
  if (mobile && allowed('text')) channels.push({ channel: 'text', to: mobile });
  if (channels.length === 0) return null;
  const messages = channels.map(({ channel, to }): OutboundNotification => ({
    notificationId: `${event.eventId}:${channel}`, channel, to, kind: draft.kind, subject: draft.subject, body: draft.text,
    eventType: event.type, accountLast4: lastFour(accountOf(event)), occurredAt: event.metadata.occurredAt,
  }));
  return { eventId: event.eventId, sortKey: sortKeyOf(event.position), messages };
}
