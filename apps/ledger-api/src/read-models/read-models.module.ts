import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { LedgerConfig } from '@ledger/config';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import {
  allProjections, CHECKPOINT_STORE, openReadStore, Projection, Projector, READ_STORE, ReadModelStorage,
} from '@ledger/read-models';
import { HttpMetrics } from '../http/observability/http-metrics';
import { LEDGER_LOGGER, LedgerLogger } from '../logging/ledger-logger';
import { EmbeddedProjectionPositions, PollingProjectionPositions, PROJECTION_POSITIONS } from './projection-positions';
import { ProjectionHealthController } from './projection-health.controller';
import { ProjectionHealthReader } from './projection-health';
import { PrometheusProjectorMetrics } from './prometheus-projector-metrics';
import { ReadModelsLifecycle } from './read-models.lifecycle';
import { ReadModelsOptions } from './read-models.options';
import { PROJECTIONS, READ_MODEL_STORAGE, READ_MODELS_OPTIONS } from './read-models.tokens';

/**
 * The read side of an app: the read store (SQLite file or MongoDB, from LEDGER_READ_STORE_URL),
 * the projections, their health checks and Prometheus metrics, read-your-writes positions, and
 * with `projectorMode: 'embedded'` the projector itself, started with the app.
 *
 * It lives in apps/ledger-api rather than libs/read-models because it plugs into the API's
 * observability (HealthChecks, the HttpMetrics registry) and logger; apps/projector imports it
 * from here with the same observability pieces. Needs EVENT_STORE, LEDGER_LOGGER, HealthChecks and
 * HttpMetrics from the importing app; exports READ_STORE, CHECKPOINT_STORE, PROJECTION_POSITIONS.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(config: Pick<LedgerConfig, 'dataDir' | 'readStoreUrl'>, options: ReadModelsOptions): DynamicModule {
    const embedded = options.projectorMode === 'embedded';
    return {
      module: ReadModelsModule,
      global: true,
      controllers: [ProjectionHealthController],
      providers: [
        { provide: READ_MODELS_OPTIONS, useValue: options },
        { provide: PROJECTIONS, useValue: options.projections ?? allProjections },
        { provide: READ_MODEL_STORAGE, useFactory: () => openReadStore({ readStoreUrl: config.readStoreUrl, dataDir: config.dataDir }) },
        { provide: READ_STORE, useFactory: (storage: ReadModelStorage) => storage.readStore, inject: [READ_MODEL_STORAGE] },
        { provide: CHECKPOINT_STORE, useFactory: (storage: ReadModelStorage) => storage.checkpoints, inject: [READ_MODEL_STORAGE] },
        {
          provide: PrometheusProjectorMetrics,
          useFactory: (metrics: HttpMetrics) => new PrometheusProjectorMetrics(metrics.registry),
          inject: [HttpMetrics],
        },
        {
          provide: ProjectionHealthReader,
          useFactory: (eventStore: EventStore, storage: ReadModelStorage) =>
            new ProjectionHealthReader(eventStore, storage.checkpoints, options.stalledAfterMs),
          inject: [EVENT_STORE, READ_MODEL_STORAGE],
        },
        ...(embedded ? embeddedProviders() : externalProviders(options)),
        ReadModelsLifecycle,
      ],
      exports: [READ_STORE, CHECKPOINT_STORE, PROJECTION_POSITIONS, READ_MODELS_OPTIONS, PROJECTIONS],
    };
  }
}

const embeddedProviders = (): Provider[] => [
  {
    provide: Projector,
    useFactory: (eventStore: EventStore, storage: ReadModelStorage, projections: readonly Projection[], metrics: PrometheusProjectorMetrics, logger: LedgerLogger) =>
      new Projector({
        eventStore,
        readStore: storage.readStore,
        checkpoints: storage.checkpoints,
        projections,
        metrics,
        logger: projectorLogger(logger),
      }),
    inject: [EVENT_STORE, READ_MODEL_STORAGE, PROJECTIONS, PrometheusProjectorMetrics, LEDGER_LOGGER],
  },
  { provide: PROJECTION_POSITIONS, useFactory: (projector: Projector) => new EmbeddedProjectionPositions(projector), inject: [Projector] },
];

const externalProviders = (options: ReadModelsOptions): Provider[] => [
  {
    provide: PROJECTION_POSITIONS,
    useFactory: (eventStore: EventStore, storage: ReadModelStorage, projections: readonly Projection[]) =>
      new PollingProjectionPositions(eventStore, storage.checkpoints, projections, options.checkpointPollIntervalMs),
    inject: [EVENT_STORE, READ_MODEL_STORAGE, PROJECTIONS],
  },
];

/** The engine logs (message, fields); pino takes (fields, message). */
const projectorLogger = (logger: LedgerLogger) => ({
  info: (message: string, fields?: Record<string, unknown>) => logger.info(fields ?? {}, message),
  warn: (message: string, fields?: Record<string, unknown>) => logger.warn(fields ?? {}, message),
  error: (message: string, fields?: Record<string, unknown>) => logger.error(fields ?? {}, message),
});
