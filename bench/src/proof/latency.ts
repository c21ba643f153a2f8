/** Latency percentiles in milliseconds (latencies are times, never money, so numbers are right here). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
}

export const summarize = (values: readonly number[]): LatencySummary => ({
  count: values.length,
  p50: percentile(values, 0.5),
  p99: percentile(values, 0.99),
});
