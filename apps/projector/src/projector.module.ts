import { DynamicModule, Module } from '@nestjs/common';
import type { LedgerConfig } from '@ledger/config';
// Not exported from @ledger/event-store's index yet; switch to the alias once it is.
import { EventStoreModule } from '@ledger/event-store';
import { HealthChecks } from '../../ledger-api/src/http/observability/health-checks';
import { HttpMetrics } from '../../ledger-api/src/http/observability/http-metrics';
import { ObservabilityController } from '../../ledger-api/src/http/observability/observability.controller';
import { LEDGER_LOGGER, LedgerLogger } from '../../ledger-api/src/logging/ledger-logger';
import { ReadModelsModule } from '../../ledger-api/src/read-models/read-models.module';
import { ReadModelsOptions } from '../../ledger-api/src/read-models/read-models.options';

/**
 * The projector process: the event store, the read side with the projector running, and the
 * public /health, /health/projections and /metrics. No API keys, no other routes: it starts
 * subscriptions and nothing else. The read side and the observability pieces are the API's own
 * (imported from apps/ledger-api) so both processes report the same checks and metric names.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: LedgerConfig, logger: LedgerLogger, readModels: ReadModelsOptions): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      imports: [
        EventStoreModule.forRoot({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir }),
        // This process exists to project: whatever LEDGER_PROJECTOR says is for the API.
        ReadModelsModule.forRoot(config, { ...readModels, projectorMode: 'embedded' }),
      ],
      controllers: [ObservabilityController],
      providers: [
        { provide: LEDGER_LOGGER, useValue: logger },
        { provide: HttpMetrics, useValue: new HttpMetrics() },
        HealthChecks,
      ],
      exports: [LEDGER_LOGGER, HttpMetrics, HealthChecks],
    };
  }
}
