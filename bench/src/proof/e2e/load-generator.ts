import { performance } from 'node:perf_hooks';
import { Reply, RequestSpec } from '../client';
import { LatencySummary, summarize } from '../latency';

export interface LoadResult {
  perSecond: number;
  latency: LatencySummary;
  errors: number;
}

type Send = (spec: RequestSpec) => Promise<Reply>;

/** Closed loop: `clients` loops sending back to back for `seconds`; the peak a server sustains. */
export async function closedLoop(
  send: Send,
  next: (sequence: number) => RequestSpec,
  clients: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const reply = await send(next(sequence++));
        if (reply.status >= 300) errors += 1;
        else latencies.push(reply.latencyMs);
      }
    }),
  );
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    latency: summarize(latencies),
    errors,
  };
}

/** Open loop: requests started at a fixed `rate` per second whatever the answers, so queueing shows in the latency. */
export async function openLoop(
  send: Send,
  next: (sequence: number) => RequestSpec,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const pending: Array<Promise<void>> = [];
  let errors = 0;
  const started = performance.now();
  const total = Math.floor(rate * seconds);
  for (let sequence = 0; sequence < total; sequence += 1) {
    const due = started + (sequence * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    pending.push(
      send(next(sequence)).then((reply) => {
        // Measured from the scheduled start, so a client-side delay counts against the server too.
        if (reply.status >= 300) errors += 1;
        else latencies.push(reply.latencyMs + (sent - due > 0 ? sent - due : 0));
      }),
    );
  }
  await Promise.all(pending);
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    latency: summarize(latencies),
    errors,
  };
}
