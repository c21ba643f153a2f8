export type MetricLabels = Readonly<Record<string, string>>;

/**
 * The projector's measurements. Names follow Prometheus conventions so the prom-client sink
 * that comes later maps them one to one:
 *   projector_events_processed_total, projector_batches_total, projector_poison_events_total (counters);
 *   projector_batch_size, projector_lag_events, projector_lag_seconds, projector_events_per_second (gauges).
 * Labels: projection, version.
 */
export interface ProjectorMetrics {
  increment(name: string, labels: MetricLabels, value?: number): void;
  setGauge(name: string, labels: MetricLabels, value: number): void;
}

export const noopMetrics: ProjectorMetrics = { increment: () => {}, setGauge: () => {} };

const seriesKey = (name: string, labels: MetricLabels): string =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}="${value}"`)
    .join(',')}}`;

/** Keeps every series in memory: for tests and for a status endpoint. */
export class InMemoryMetrics implements ProjectorMetrics {
  readonly counters = new Map<string, number>();
  readonly gauges = new Map<string, number>();

  increment(name: string, labels: MetricLabels, value = 1): void {
    const key = seriesKey(name, labels);
    this.counters.set(key, (this.counters.get(key) ?? 0) + value);
  }

  setGauge(name: string, labels: MetricLabels, value: number): void {
    this.gauges.set(seriesKey(name, labels), value);
  }

  counter(name: string, labels: MetricLabels): number {
    return this.counters.get(seriesKey(name, labels)) ?? 0;
  }

  gauge(name: string, labels: MetricLabels): number | undefined {
    return this.gauges.get(seriesKey(name, labels));
  }
}
