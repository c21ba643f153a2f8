import { GlobalPosition, globalPosition } from '@ledger/event-store';
import { CheckpointStore, collectionName, ReadStore, StoredDocument } from '@ledger/read-models';
import { OutboxEntry } from './notification';
import { NotificationSender } from './notification-sender.port';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_OUTBOX, notificationsProjection } from './notifications.projection';

const CHECKPOINT = 'notifications-dispatcher';
const PAGE = 100;

const physical = (collection: string): string =>
  collectionName(notificationsProjection.name, notificationsProjection.version, collection);

/**
 * Sends outbox entries in log order and marks each delivered: a `deliveries` document and the
 * dispatcher's checkpoint move in one compare-and-set batch, so two dispatchers never both
 * advance, and an entry is sent again only after a crash between sending and marking
 * (at least once, with the entry's idempotency ids).
 */
export class NotificationDispatcher {
  private running: Promise<number> | null = null;

  constructor(
    private readonly readStore: ReadStore,
    private readonly checkpoints: CheckpointStore,
    private readonly sender: NotificationSender,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Delivers everything pending; answers how many messages it sent. Concurrent calls share one run. */
  dispatchPending(): Promise<number> {
    this.running ??= this.deliverAll().finally(() => (this.running = null));
    return this.running;
  }

  private async deliverAll(): Promise<number> {
    let sent = 0;
    let checkpoint = await this.checkpoints.get(CHECKPOINT);
    for (;;) {
      const page = await this.readStore.find<OutboxEntry>(physical(NOTIFICATION_OUTBOX), {
        ...(checkpoint === null ? {} : { where: { sortKey: { gt: checkpoint.padStart(20, '0') } } }),
        sort: [{ field: 'sortKey', direction: 'asc' }],
        limit: PAGE,
      });
      for (const stored of page.documents) {
        const delivered = await this.deliver(stored, checkpoint);
        if (delivered === null) return sent;
        sent += delivered.sent;
        checkpoint = delivered.position;
      }
      if (page.nextCursor === null) return sent;
    }
  }

  private async deliver(stored: StoredDocument<OutboxEntry>, expected: GlobalPosition | null): Promise<{ sent: number; position: GlobalPosition } | null> {
    const entry = stored.document;
    for (const message of entry.messages) await this.sender.send(message);
    const position = globalPosition(entry.sortKey.replace(/^0+(?=\d)/, ''));
    const result = await this.readStore.applyBatch({
      changes: [
        {
          op: 'upsert', collection: physical(NOTIFICATION_DELIVERIES), id: entry.eventId, position,
          document: { eventId: entry.eventId, notificationIds: entry.messages.map((message) => message.notificationId), sentAt: this.now() },
        },
      ],
      checkpoint: { name: CHECKPOINT, expected, position },
    });
    // Another dispatcher moved on first: stop here, it owns the rest of this run.
    return result.status === 'STORED' ? { sent: entry.messages.length, position } : null;
  }
}
