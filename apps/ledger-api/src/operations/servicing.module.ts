import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  BUSINESS_DATE, DAILY_CYCLE_OPTIONS, FileNotificationSender, LedgerBusinessDate, NOTIFICATION_SENDER,
  READ_MODELS_FRESHNESS, ReadStoreServicingCalendar, RunBusinessDayHandler, SERVICING_CALENDAR,
} from '@ledger/application';
import type { LedgerConfig } from '@ledger/config';
import { READ_STORE, ReadStore } from '@ledger/read-models';
import { LEDGER_LOGGER, LedgerLogger } from '../logging/ledger-logger';
import { PROJECTION_POSITIONS, ProjectionPositions } from '../read-models/projection-positions';
import { ReplyToTextService } from '../sms/reply-to-text.service';
import { SmsInboundController } from '../sms/sms-inbound.controller';
import { BusinessDayScheduler } from './business-day.scheduler';
import { BusinessDaysController } from './business-days.controller';
import { ServicingProcesses } from './servicing-processes.provider';
import { SERVICING_OPTIONS, ServicingOptions } from './servicing.options';

/**
 * The servicing processes: the business date, the daily cycle (HTTP and scheduler), the inbound
 * SMS webhook, and notifications. Needs EVENT_STORE, READ_STORE, CHECKPOINT_STORE,
 * PROJECTION_POSITIONS, CLOCK, LEDGER_LOGGER and LedgerContext from the app; exports
 * LedgerBusinessDate, which is what BUSINESS_DATE should be bound to.
 */
@Module({})
export class ServicingModule {
  static forRoot(config: Pick<LedgerConfig, 'timeZone' | 'dataDir'>, options: ServicingOptions): DynamicModule {
    return {
      module: ServicingModule,
      imports: [CqrsModule],
      controllers: [BusinessDaysController, SmsInboundController],
      providers: [
        { provide: SERVICING_OPTIONS, useValue: options },
        // One business date for commands, queries and the cycle: the instance LoanCommandsModule binds.
        { provide: LedgerBusinessDate, useExisting: BUSINESS_DATE },
        { provide: SERVICING_CALENDAR, useFactory: (store: ReadStore) => new ReadStoreServicingCalendar(store), inject: [READ_STORE] },
        {
          provide: READ_MODELS_FRESHNESS,
          useFactory: (positions: ProjectionPositions) => ({ waitForPosition: positions.waitFor.bind(positions) }),
          inject: [PROJECTION_POSITIONS],
        },
        { provide: DAILY_CYCLE_OPTIONS, useFactory: (logger: LedgerLogger) => ({ logger }), inject: [LEDGER_LOGGER] },
        { provide: NOTIFICATION_SENDER, useValue: new FileNotificationSender(config.dataDir) },
        RunBusinessDayHandler,
        BusinessDayScheduler,
        ServicingProcesses,
        ReplyToTextService,
      ],
      exports: [LedgerBusinessDate, ServicingProcesses],
    };
  }
}
