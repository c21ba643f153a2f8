import { EventStore, GlobalPosition } from '@ledger/event-store';
import { CheckpointStore, checkpointName, Projection } from '@ledger/read-models';

/** starting: no status recorded yet; stalled: behind the log and not moving (see stalledAfterMs). */
export type ProjectionHealthState = 'running' | 'rebuilding' | 'starting' | 'stalled' | 'failed';

/** One projection as /health/projections reports it. */
export interface ProjectionHealth {
  name: string;
  /** The active version: the one whose collections answer queries. */
  version: number;
  status: ProjectionHealthState;
  healthy: boolean;
  checkpoint: GlobalPosition | null;
  lag: { events: number; seconds: number };
  /** The poison event's error, for a failed projection. */
  error?: string;
}

/** The streams the projector follows (the engine's default); events elsewhere are no lag. */
const STREAM_PREFIXES = ['loan-', 'customer-'];

/**
 * Health of the projections, read from the checkpoint store and the event store only, so it
 * reports the same whether this process or apps/projector projects. Lag is measured against
 * the first event after the checkpoint: its age is the lag in seconds, and head minus
 * checkpoint the lag in events (exact on the embedded store's gapless positions).
 */
export class ProjectionHealthReader {
  /** Last checkpoint seen per projection and since when, to tell "behind" from "stuck". */
  private readonly seen = new Map<string, { checkpoint: GlobalPosition | null; since: number }>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly stalledAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(projection: Projection): Promise<ProjectionHealth> {
    const version = (await this.checkpoints.getActiveVersion(projection.name)) ?? projection.version;
    const [status, checkpoint] = await Promise.all([
      this.checkpoints.getStatus(projection.name, version),
      this.checkpoints.get(checkpointName(projection.name, version)),
    ]);
    const lag = await this.lag(checkpoint);
    const stalled = lag.events > 0 && this.unmovedFor(`${projection.name}_v${version}`, checkpoint) >= this.stalledAfterMs;
    const state: ProjectionHealthState =
      status?.state === 'failed' ? 'failed' : stalled ? 'stalled' : (status?.state ?? 'starting');
    return {
      name: projection.name,
      version,
      status: state,
      healthy: state !== 'failed' && state !== 'stalled',
      checkpoint,
      lag,
      ...(status?.state === 'failed' && status.error !== undefined ? { error: status.error } : {}),
    };
  }

  private async lag(checkpoint: GlobalPosition | null): Promise<ProjectionHealth['lag']> {
    const [next] = await this.eventStore.readAll({ afterPosition: checkpoint ?? undefined, streamPrefixes: STREAM_PREFIXES, limit: 1 });
    if (!next) return { events: 0, seconds: 0 };
    const head = (await this.eventStore.headPosition()) ?? next.position;
    const events = Number(BigInt(head) - BigInt(checkpoint ?? '0'));
    const recordedAt = Date.parse(next.metadata.recordedAt);
    const seconds = Number.isNaN(recordedAt) ? 0 : Math.max(0, this.now() - recordedAt) / 1000;
    return { events, seconds };
  }

  private unmovedFor(key: string, checkpoint: GlobalPosition | null): number {
    const previous = this.seen.get(key);
    if (previous && previous.checkpoint === checkpoint) return this.now() - previous.since;
    this.seen.set(key, { checkpoint, since: this.now() });
    return 0;
  }
}

/** The one-line detail a failing /health check shows. */
export const describeProjectionHealth = (health: ProjectionHealth): string =>
  `${health.name} v${health.version} ${health.status} at checkpoint ${health.checkpoint ?? 'none'}, ` +
  `lag ${health.lag.events} events / ${health.lag.seconds.toFixed(1)} s${health.error ? `: ${health.error}` : ''}`;
