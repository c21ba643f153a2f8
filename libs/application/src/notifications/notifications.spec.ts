import { randomUUID } from 'node:crypto';
import { DEFAULT_ALERT_PREFERENCES } from '@ledger/domain';
import { checkpointName, openInMemoryStorage, Projector, silentLogger } from '@ledger/read-models';
import { InMemoryEventStore } from '@ledger/event-store';
import { OutboundNotification, TEXT_LENGTH_MAX } from './notification';
import { NotificationDispatcher } from './notification-dispatcher';
import { notificationsProjection } from './notifications.projection';

const LOAN = 'loan-12345678901';
const CUSTOMER = 'customer-cust-1';

async function world() {
  const store = new InMemoryEventStore();
  const storage = openInMemoryStorage();
  const sent: OutboundNotification[] = [];
  const dispatcher = new NotificationDispatcher(storage.readStore, storage.checkpoints, { send: async (message) => void sent.push(message) });
  let projector: Projector | null = null;
  const append = (streamId: string, type: string, data: Record<string, unknown>) =>
    store.append(streamId, [{ eventId: randomUUID(), type, data, metadata: { schemaVersion: 1, occurredAt: '2026-02-03T12:00:00.000Z', correlationId: 'c', causationId: 'c', actor: 't' } }], 'no_stream' as never).catch(async () => {
      const last = (await store.readStream(streamId, { direction: 'backwards', limit: 1 }))[0];
      return store.append(streamId, [{ eventId: randomUUID(), type, data, metadata: { schemaVersion: 1, occurredAt: '2026-02-03T12:00:00.000Z', correlationId: 'c', causationId: 'c', actor: 't' } }], last.revision);
    });
  /** Projects everything written so far, from the stored checkpoint, then delivers. */
  const deliver = async () => {
    await projector?.stop();
    projector = new Projector({ eventStore: store, readStore: storage.readStore, checkpoints: storage.checkpoints, projections: [notificationsProjection], logger: silentLogger });
    await projector.start();
    const head = await store.headPosition();
    if (head) await projector.waitForPosition(head, 2000);
    return dispatcher.dispatchPending();
  };
  const stop = () => projector?.stop();
  await append(CUSTOMER, 'CustomerRegistered', {
    customerId: 'cust-1', name: 'Ana Diaz', email: 'ana@example.com', mobile: '+12025550123', ssnHash: 'h', alertPreferences: DEFAULT_ALERT_PREFERENCES, registeredOn: '2026-01-10',
  });
  await append(LOAN, 'LoanOpened', { accountNumber: '12345678901', customerId: 'cust-1' });
  return { store, storage, sent, append, deliver, stop };
}

const statement = { cycle: 1, statementDate: '2026-02-03', dueDate: '2026-02-24', amountDue: '489.04', pastDue: '0.00', feesDue: '0.00', payoffOnDueDate: '25000.00' };

describe('the notifications process manager', () => {
  it('emails a statement alert by default', async () => {
    const { append, deliver, sent, stop } = await world();
    await append(LOAN, 'StatementIssued', statement);
    await deliver();
    await stop();
    expect(sent).toEqual([expect.objectContaining({ channel: 'email', to: 'ana@example.com', body: 'Your loan ...8901 statement is ready: $489.04 due 02/24/2026.' })]);
  });

  it('sends nothing twice when events are redelivered from the start', async () => {
    const { append, deliver, sent, stop, storage } = await world();
    await append(LOAN, 'StatementIssued', statement);
    await deliver();
    await storage.checkpoints.delete(checkpointName(notificationsProjection.name, notificationsProjection.version));
    await append(LOAN, 'LienReleased', { method: 'ELECTRONIC', releasedOn: '2026-03-01', expectedBy: null });
    await deliver();
    await deliver();
    await stop();
    expect(sent.map((message) => message.eventType)).toEqual(['StatementIssued', 'LienReleased']);
  });

  it('respects the preferences: statements off, payments by text', async () => {
    const { append, deliver, sent, stop } = await world();
    await append(CUSTOMER, 'AlertPreferencesUpdated', {
      customerId: 'cust-1', ...DEFAULT_ALERT_PREFERENCES, statements: { email: false, text: false }, payment: { email: false, text: true },
    });
    await append(LOAN, 'StatementIssued', statement);
    await append(LOAN, 'PaymentSettled', { paymentId: 'p-1', amount: '489.04', settledOn: '2026-02-25' });
    await deliver();
    await stop();
    expect(sent.map((message) => [message.eventType, message.channel, message.to])).toEqual([['PaymentSettled', 'text', '+12025550123']]);
  });

  it('texts the pay-by-text reminder itself, within 160 characters, with no full account number', async () => {
    const { append, deliver, sent, stop } = await world();
    const message = 'Loan ...8901: $489.04 is due 02/24/2026. Reply PAY to pay it now from bank ...6789, or STOP to end these texts.';
    await append(LOAN, 'PaymentReminderSent', { cycle: 1, dueDate: '2026-02-24', amountDue: '489.04', mobileNumber: '+12025550123', message, sentOn: '2026-02-17' });
    await append(LOAN, 'TitleMailed', { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', mailedOn: '2026-03-05', expectedBy: '2026-03-10' });
    await append(LOAN, 'AutoPaySuspended', { suspendedOn: '2026-03-01', reason: 'CONSECUTIVE_RETURNS', returnedPaymentIds: ['a', 'b'] });
    await deliver();
    await stop();
    expect(sent.map((notification) => [notification.eventType, notification.channel])).toEqual([
      ['PaymentReminderSent', 'text'], ['TitleMailed', 'email'], ['AutoPaySuspended', 'email'],
    ]);
    expect(sent[0].body).toBe(message);
    for (const notification of sent) {
      expect(notification.body.length).toBeLessThanOrEqual(TEXT_LENGTH_MAX);
      expect(JSON.stringify(notification)).not.toContain('12345678901');
    }
  });
});
