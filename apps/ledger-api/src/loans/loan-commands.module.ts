import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  BUSINESS_DATE,
  CustomerStreams,
  FUNDING_SOURCES,
  InstantSource,
  LEDGER_NOW,
  LOAN_COMMAND_HANDLERS,
  LedgerBusinessDate,
  LedgerContext,
  LoanStreams,
} from '@ledger/application';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import type { LedgerConfig } from '@ledger/config';
import { CLOCK } from '../clock/clock';
import { LoanCommandsController } from './loan-commands.controller';
import { VaultFundingSources } from './vault-funding-sources';

/**
 * The loan command side: controller, handlers, and the ports they need. LedgerContext, the loan
 * and customer streams (pay by text reads the customer) and the business date are exported for
 * the customer commands and whoever needs them next.
 * BUSINESS_DATE is the ledger's business date (LedgerBusinessDate), shared with the daily cycle.
 */
@Module({})
export class LoanCommandsModule {
  /** `timeZone` is LEDGER_TIME_ZONE (passed in, not injected, so this module does not import the app module). */
  static forRoot(config: Pick<LedgerConfig, 'timeZone'>): DynamicModule {
    return {
      module: LoanCommandsModule,
      // Global so the customer commands (and the daily cycle) share one LoanStreams and its cache.
      global: true,
      imports: [CqrsModule],
      controllers: [LoanCommandsController],
      providers: [
        { provide: LEDGER_NOW, useExisting: CLOCK },
        {
          // Commands are dated by the ledger's business date (api.md), which only the daily cycle advances.
          provide: BUSINESS_DATE,
          useFactory: (store: EventStore, clock: InstantSource) => new LedgerBusinessDate(store, clock, config.timeZone),
          inject: [EVENT_STORE, CLOCK],
        },
        { provide: FUNDING_SOURCES, useClass: VaultFundingSources },
        LedgerContext,
        LoanStreams,
        CustomerStreams,
        ...LOAN_COMMAND_HANDLERS,
      ],
      exports: [LEDGER_NOW, BUSINESS_DATE, LedgerContext, LoanStreams, CustomerStreams],
    };
  }
}
