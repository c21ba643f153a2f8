import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Projector } from '@ledger/read-models';
import type { Projection, ReadModelStorage } from '@ledger/read-models';
import { HealthChecks } from '../http/observability/health-checks';
import { describeProjectionHealth, ProjectionHealthReader } from './projection-health';
import { PrometheusProjectorMetrics } from './prometheus-projector-metrics';
import { PROJECTIONS, READ_MODEL_STORAGE } from './read-models.tokens';

/**
 * Starts and stops the read side with the app. The projector stops in beforeApplicationShutdown,
 * before any module's onApplicationShutdown closes the event store under its subscriptions; the
 * storage closes last.
 */
@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(READ_MODEL_STORAGE) private readonly storage: ReadModelStorage,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    private readonly healthChecks: HealthChecks,
    private readonly healthReader: ProjectionHealthReader,
    private readonly metrics: PrometheusProjectorMetrics,
    /** Absent when apps/projector projects (LEDGER_PROJECTOR=external). */
    @Optional() @Inject(Projector) private readonly projector?: Projector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of this.projections) {
      this.metrics.declare(projection.name, projection.version);
      this.healthChecks.register(`projection:${projection.name}`, async () => {
        const health = await this.healthReader.read(projection);
        if (!health.healthy) throw new Error(describeProjectionHealth(health));
      });
    }
    await this.projector?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
