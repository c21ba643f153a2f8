import { GlobalPosition } from '@ledger/event-store';
import type { ProjectionRunner } from './projection-runner';

export interface RebuildProgress {
  projection: string;
  version: number;
  /** Events folded so far (handled or not by the projection). */
  processed: number;
  position: GlobalPosition | null;
  /** The head of the log when the rebuild started: the target of "caught up". */
  headPosition: GlobalPosition | null;
  /** Share of the way to the head position, 0 to 1 (positions are gapless on the embedded stores). */
  fraction: number;
  /** Seconds left at the rate so far; null until there is a rate. */
  etaSeconds: number | null;
}

/** Follows a rebuilding runner: progress callbacks, and `finished` once it has caught up. */
export class RebuildTracker {
  readonly finished: Promise<void>;
  private processed = 0;
  private readonly startedAt: number;
  private settle: { resolve(): void; reject(error: Error): void } = { resolve: () => {}, reject: () => {} };

  constructor(
    private readonly head: GlobalPosition | null,
    private readonly now: () => number,
    private readonly onProgress?: (progress: RebuildProgress) => void,
  ) {
    this.startedAt = now();
    this.finished = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  /** The projector is stopping: the rebuild will not finish in this process. */
  abort(reason: Error): void {
    this.settle.reject(reason);
  }

  progress(runner: ProjectionRunner, processed: number): void {
    this.processed += processed;
    if (runner.state === 'failed') {
      this.settle.reject(new Error(`Rebuild of ${runner.checkpointName} stopped at ${runner.failure?.position}: ${runner.failure?.error}`));
      return;
    }
    const fraction = this.fraction(runner.checkpoint, runner.caughtUp);
    const elapsedSeconds = (this.now() - this.startedAt) / 1000;
    const etaSeconds = fraction > 0 && elapsedSeconds > 0 ? (elapsedSeconds / fraction) * (1 - fraction) : null;
    this.onProgress?.({
      projection: runner.projection.name,
      version: runner.version,
      processed: this.processed,
      position: runner.checkpoint,
      headPosition: this.head,
      fraction,
      etaSeconds,
    });
    if (runner.caughtUp) this.settle.resolve();
  }

  private fraction(position: GlobalPosition | null, caughtUp: boolean): number {
    if (caughtUp || this.head === null) return 1;
    if (position === null) return 0;
    return Math.min(1, Number((BigInt(position) * 10000n) / BigInt(this.head)) / 10000);
  }
}
