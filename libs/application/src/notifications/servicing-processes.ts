import { EventStore } from '@ledger/event-store';
import { CheckpointStore, Projection, Projector, ProjectorLogger, ReadStore } from '@ledger/read-models';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationSender } from './notification-sender.port';
import { notificationsProjection } from './notifications.projection';

export interface ServicingProcessesOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  checkpoints: CheckpointStore;
  sender: NotificationSender;
  logger: ProjectorLogger;
  /** Projections of the servicing processes besides the notifications (e.g. the text-pay directory). */
  projections: readonly Projection[];
  /** How often the dispatcher looks for undelivered entries (default 1 s). */
  dispatchIntervalMs?: number;
}

/**
 * The servicing processes' own projector (notifications outbox, text-pay directory), on their own
 * checkpoints, beside the read models' projector, plus the dispatcher's timer. Kept apart so a
 * notification backlog never delays the queries' read-your-writes.
 */
export class ServicingProcesses {
  readonly projector: Projector;
  readonly dispatcher: NotificationDispatcher;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ServicingProcessesOptions) {
    this.projector = new Projector({
      eventStore: options.eventStore, readStore: options.readStore, checkpoints: options.checkpoints,
      projections: [notificationsProjection, ...options.projections], logger: options.logger,
    });
    this.dispatcher = new NotificationDispatcher(options.readStore, options.checkpoints, options.sender);
  }

  async start(): Promise<void> {
    await this.projector.start();
    this.timer = setInterval(() => void this.dispatch(), this.options.dispatchIntervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.projector.stop();
  }

  /** Waits until these processes reflect every loan/customer event written so far (true when they do). */
  async catchUp(timeoutMs: number): Promise<boolean> {
    const head = await this.options.eventStore.headPosition();
    return head === null ? true : this.projector.waitForPosition(head, timeoutMs);
  }

  /** Delivers what is pending now; errors are logged and retried on the next tick. */
  async dispatch(): Promise<number> {
    try {
      return await this.dispatcher.dispatchPending();
    } catch (error) {
      this.options.logger.error('notification dispatch failed; will retry', { error: error instanceof Error ? error.message : String(error) });
      return 0;
    }
  }
}
