import { EventStore, GlobalPosition, RecordedEvent } from '@ledger/event-store';
import { MetricLabels, ProjectorMetrics } from './projector-metrics';

const HEAD_REFRESH_MS = 1000;
const RATE_WINDOW_MS = 1000;

/**
 * A runner's measurements. Lag in events is head minus checkpoint in positions, which counts
 * events exactly on the embedded stores (gapless positions) and approximates on EventStoreDB;
 * the head is re-read at most once a second so metering never dominates a catch-up.
 */
export class RunnerMeter {
  private headReadAt = Number.NEGATIVE_INFINITY;
  private head: GlobalPosition | null = null;
  private windowStartedAt: number;
  private windowEvents = 0;

  constructor(
    private readonly dependencies: { eventStore: EventStore; metrics: ProjectorMetrics; now: () => number },
    private readonly labels: MetricLabels,
  ) {
    this.windowStartedAt = dependencies.now();
  }

  async batchApplied(events: readonly RecordedEvent[], startedAt: number, checkpoint: GlobalPosition): Promise<void> {
    const { metrics, now } = this.dependencies;
    const time = now();
    metrics.increment('projector_events_processed_total', this.labels, events.length);
    metrics.increment('projector_batches_total', this.labels);
    metrics.setGauge('projector_batch_size', this.labels, events.length);
    metrics.setGauge('projector_batch_duration_seconds', this.labels, (time - startedAt) / 1000);
    const last = events[events.length - 1];
    if (last) {
      const recordedAt = Date.parse(last.metadata.recordedAt);
      if (!Number.isNaN(recordedAt)) metrics.setGauge('projector_lag_seconds', this.labels, Math.max(0, time - recordedAt) / 1000);
    }
    this.windowEvents += events.length;
    if (time - this.windowStartedAt >= RATE_WINDOW_MS) {
      metrics.setGauge('projector_events_per_second', this.labels, (this.windowEvents * 1000) / (time - this.windowStartedAt));
      this.windowStartedAt = time;
      this.windowEvents = 0;
    }
    await this.refreshLag(time, checkpoint);
  }

  caughtUp(): void {
    this.dependencies.metrics.setGauge('projector_lag_events', this.labels, 0);
    this.dependencies.metrics.setGauge('projector_lag_seconds', this.labels, 0);
  }

  poisoned(): void {
    this.dependencies.metrics.increment('projector_poison_events_total', this.labels);
  }

  private async refreshLag(time: number, checkpoint: GlobalPosition): Promise<void> {
    if (time - this.headReadAt >= HEAD_REFRESH_MS) {
      this.headReadAt = time;
      this.head = await this.dependencies.eventStore.headPosition().catch(() => this.head);
    }
    if (this.head === null) return;
    const lag = BigInt(this.head) - BigInt(checkpoint);
    this.dependencies.metrics.setGauge('projector_lag_events', this.labels, Number(lag > 0n ? lag : 0n));
  }
}
