import { NewEvent, RecordedEvent } from '@ledger/event-store';
import { Projection } from '../projection';

let sequence = 0;

export const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => {
  sequence += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    data,
    metadata: { schemaVersion: 1, occurredAt: '2025-01-02T00:00:00.000Z', correlationId: 'c', causationId: 'c', actor: 'test' },
  };
};

export interface StreamCount extends Record<string, unknown> {
  streamId: string;
  count: number;
}

/** Counts events per stream; version 2 counts each event twice, so the versions differ visibly. */
export const eventCounts = (version = 1, name = 'event-counts'): Projection<StreamCount> => ({
  name,
  version,
  collections: [{ name: 'counts', indexes: [{ fields: [{ field: 'count', direction: 'desc' }] }] }],
  canHandle: (event: RecordedEvent) => event.type !== 'Ignored',
  documentIdsFor: (event: RecordedEvent) => [{ collection: 'counts', id: event.streamId }],
  evolve: (document: StreamCount | null, event: RecordedEvent) => {
    if (event.type === 'Poison' && name === 'fragile-counts') throw new Error(`cannot fold ${event.type}`);
    return { streamId: event.streamId, count: (document?.count ?? 0) + version };
  },
});

/**
 * Payments per customer, though payment events carry only the loan: LoanOpened writes a
 * `loan-owners` lookup document, and PaymentSettled reaches the customer through it.
 */
export const customerPayments: Projection = {
  name: 'customer-payments',
  version: 1,
  collections: [
    { name: 'loan-owners', indexes: [] },
    { name: 'customers', indexes: [] },
  ],
  canHandle: (event) => event.type === 'LoanOpened' || event.type === 'PaymentSettled',
  documentIdsFor: (event) =>
    event.type === 'LoanOpened'
      ? [
          { collection: 'loan-owners', id: event.streamId },
          { collection: 'customers', id: String(event.data.customerId) },
        ]
      : [{ collection: 'customers', via: { collection: 'loan-owners', id: event.streamId, field: 'customerId' } }],
  evolve: (document, event, context) => {
    if (context.collection === 'loan-owners') return { customerId: event.data.customerId };
    const loans = Array.isArray(document?.loans) ? (document.loans as string[]) : [];
    if (event.type === 'LoanOpened') return { ...document, loans: [...loans, event.streamId], payments: Number(document?.payments ?? 0) };
    const owner = context.related('loan-owners', event.streamId);
    return { ...document, payments: Number(document?.payments ?? 0) + 1, paidBy: owner?.customerId };
  },
};
