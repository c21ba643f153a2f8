import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricLabels, ProjectorMetrics } from '@ledger/read-models';

const LABELS = ['projection', 'version'] as const;
type Label = (typeof LABELS)[number];

const HELP: Readonly<Record<string, string>> = {
  projector_events_processed_total: 'Events applied by the projection (handled or skipped)',
  projector_batches_total: 'Batches written with their checkpoint',
  projector_poison_events_total: 'Events the projection could not fold; it stopped at each (a failure)',
  projector_lag_events: 'Events in the log after the projection checkpoint',
  projector_lag_seconds: 'Age of the last event applied when it was applied; 0 once caught up',
  projector_events_per_second: 'Events applied per second over the last measuring window',
};

/**
 * The engine reports one batch's size and duration as gauges; a histogram of them answers what
 * an operator asks ("how big are batches during a catch-up?"), a last value does not.
 */
const HISTOGRAMS: Readonly<Record<string, { help: string; buckets: number[] }>> = {
  projector_batch_size: { help: 'Events per batch written', buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000] },
  projector_batch_duration_seconds: {
    help: 'Time to evolve and write one batch',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  },
};

/**
 * The projector's metrics sink on an app's prom-client registry. The engine's names already
 * follow Prometheus conventions, so they map one to one; a name the engine adds later still
 * appears, as a counter or gauge with a generic help text.
 */
export class PrometheusProjectorMetrics implements ProjectorMetrics {
  private readonly counters = new Map<string, Counter<Label>>();
  private readonly gauges = new Map<string, Gauge<Label>>();
  private readonly histograms = new Map<string, Histogram<Label>>();

  constructor(private readonly registry: Registry) {
    for (const [name, { help, buckets }] of Object.entries(HISTOGRAMS)) {
      this.histograms.set(name, new Histogram({ name, help, buckets, labelNames: LABELS, registers: [registry] }));
    }
  }

  increment(name: string, labels: MetricLabels, value = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({ name, help: helpOf(name), labelNames: LABELS, registers: [this.registry] });
      this.counters.set(name, counter);
    }
    counter.inc(labelsOf(labels), value);
  }

  setGauge(name: string, labels: MetricLabels, value: number): void {
    const histogram = this.histograms.get(name);
    if (histogram) return histogram.observe(labelsOf(labels), value);
    let gauge = this.gauges.get(name);
    if (!gauge) {
      gauge = new Gauge({ name, help: helpOf(name), labelNames: LABELS, registers: [this.registry] });
      this.gauges.set(name, gauge);
    }
    gauge.set(labelsOf(labels), value);
  }

  /** Every series starts at zero, so a dashboard sees a projection before its first batch. */
  declare(projection: string, version: number): void {
    const labels = { projection, version: String(version) };
    for (const name of ['projector_events_processed_total', 'projector_batches_total', 'projector_poison_events_total']) {
      this.increment(name, labels, 0);
    }
  }
}

const helpOf = (name: string): string => HELP[name] ?? `Projector measurement ${name}`;

/** Only the two declared labels reach prom-client, which refuses any other. */
const labelsOf = (labels: MetricLabels): Record<Label, string> => ({
  projection: labels.projection ?? '',
  version: labels.version ?? '',
});
