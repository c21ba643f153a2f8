import { compareGlobalPositions, EventStore, GlobalPosition } from '@ledger/event-store';
import { CheckpointStore, checkpointName, lastProjectedPositionAtOrBefore, Projection, Projector, PROJECTED_STREAM_PREFIXES } from '@ledger/read-models';

/**
 * What read-your-writes needs from the read side, whichever process projects: the position every
 * active projection has reached, and a wait for a position.
 */
export interface ProjectionPositions {
  /** The lowest checkpoint among active projections; null before any of them stored one. */
  current(): Promise<GlobalPosition | null>;
  /** True once every active projection reflects `position`; false on timeout or a failed projection. */
  waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean>;
}

/** Nest token of the ProjectionPositions port. */
export const PROJECTION_POSITIONS = Symbol('ProjectionPositions');

/** The projector runs in this process: its waiters are woken by progress, no polling. */
export class EmbeddedProjectionPositions implements ProjectionPositions {
  constructor(private readonly projector: Projector) {}

  async current(): Promise<GlobalPosition | null> {
    return this.projector.servingPosition();
  }

  waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    return this.projector.waitForPosition(position, timeoutMs);
  }
}

/**
 * The projector runs in another process (apps/projector): the only shared thing is the checkpoint
 * store, so a wait polls it. Decision: polling at a fixed modest interval (CHECKPOINT_POLL_INTERVAL_MS)
 * rather than a change stream, because it works the same on SQLite and MongoDB, costs one small
 * read per projection per tick, and only runs while a request carrying X-Min-Position waits.
 */
export class PollingProjectionPositions implements ProjectionPositions {
  constructor(
    private readonly eventStore: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly projections: readonly Projection[],
    private readonly intervalMs: number,
  ) {}

  async current(): Promise<GlobalPosition | null> {
    const positions = await Promise.all(this.projections.map((projection) => this.checkpointOf(projection)));
    if (positions.some((position) => position === null)) return null;
    return (positions as GlobalPosition[]).reduce((lowest, position) => (compareGlobalPositions(position, lowest) < 0 ? position : lowest));
  }

  async waitFor(requested: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const position = await projectedTarget(this.eventStore, await this.current(), requested);
    if (position === null) return true;
    for (;;) {
      const outcome = await this.check(position);
      if (outcome !== 'pending') return outcome === 'reached';
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.intervalMs, remaining)));
    }
  }

  private async check(position: GlobalPosition): Promise<'reached' | 'pending' | 'never'> {
    let outcome: 'reached' | 'pending' = 'reached';
    for (const projection of this.projections) {
      const version = await this.activeVersion(projection);
      const checkpoint = await this.checkpoints.get(checkpointName(projection.name, version));
      if (checkpoint !== null && compareGlobalPositions(checkpoint, position) >= 0) continue;
      // A failed projection never moves again: answer now rather than at the timeout.
      if ((await this.checkpoints.getStatus(projection.name, version))?.state === 'failed') return 'never';
      outcome = 'pending';
    }
    return outcome;
  }

  private async checkpointOf(projection: Projection): Promise<GlobalPosition | null> {
    return this.checkpoints.get(checkpointName(projection.name, await this.activeVersion(projection)));
  }

  private async activeVersion(projection: Projection): Promise<number> {
    return (await this.checkpoints.getActiveVersion(projection.name)) ?? projection.version;
  }
}

/**
 * The position to wait for: the last projected event at or before `requested` (a position of a
 * non-projected stream is reflected once the events before it are), `requested` itself when it is
 * not written yet, or null when nothing projected lies between the checkpoints and it.
 */
async function projectedTarget(
  eventStore: EventStore,
  lowestCheckpoint: GlobalPosition | null,
  requested: GlobalPosition,
): Promise<GlobalPosition | null> {
  const head = await eventStore.headPosition();
  if (head === null || compareGlobalPositions(requested, head) > 0) return requested;
  const target = await lastProjectedPositionAtOrBefore(eventStore, PROJECTED_STREAM_PREFIXES, lowestCheckpoint, requested);
  return target ?? lowestCheckpoint;
}
