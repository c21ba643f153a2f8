import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NOTIFICATION_SENDER, NotificationSender, ServicingProcesses as Processes } from '@ledger/application';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { CHECKPOINT_STORE, CheckpointStore, READ_STORE, ReadStore, textPayDirectoryProjection } from '@ledger/read-models';
import { LEDGER_LOGGER, LedgerLogger } from '../logging/ledger-logger';

/**
 * The notifications process manager and the text-pay directory, started with the app and
 * stopped before the stores close. They run in the API process (even with an external read-model
 * projector) because the SMS webhook reads the directory and the dispatcher owns its outbox.
 */
@Injectable()
export class ServicingProcesses extends Processes implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(CHECKPOINT_STORE) checkpoints: CheckpointStore,
    @Inject(NOTIFICATION_SENDER) sender: NotificationSender,
    @Inject(LEDGER_LOGGER) logger: LedgerLogger,
  ) {
    super({
      eventStore, readStore, checkpoints, sender, projections: [textPayDirectoryProjection],
      logger: {
        info: (message, fields) => logger.info(fields ?? {}, message),
        warn: (message, fields) => logger.warn(fields ?? {}, message),
        error: (message, fields) => logger.error(fields ?? {}, message),
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}
