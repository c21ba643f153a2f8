import { compareGlobalPositions, EventStore, GlobalPosition, SqliteEventStore } from '@ledger/event-store';
import { CheckpointStore, checkpointName } from '../stores/checkpoint-store.port';
import { ReadStore } from '../stores/read-store.port';
import { physicalCollections, Projection } from '../projection';
import { ProjectionRunner, RunnerDependencies } from './projection-runner';
import { ProjectorLogger, stderrLogger } from './projector-logger';
import { noopMetrics, ProjectorMetrics } from './projector-metrics';
import { PositionWaiters } from './position-waiters';
import { lastProjectedPositionAtOrBefore, PROJECTED_STREAM_PREFIXES } from './projected-target';
import { RebuildProgress, RebuildTracker } from './rebuild-tracker';
import { SharedCatchUp } from './shared-catch-up';

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  checkpoints: CheckpointStore;
  projections: readonly Projection[];
  metrics?: ProjectorMetrics;
  logger?: ProjectorLogger;
  /** Milliseconds since the epoch; tests pin it. */
  now?: () => number;
  maxBatchSize?: number;
  streamPrefixes?: readonly string[];
  /**
   * Runners reading the same history page share one read (SharedCatchUp). Default: on for the
   * embedded store, which pages its log anyway; off for EventStoreDB, where a page is a subscription.
   */
  shareCatchUpReads?: boolean;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Runs projections: each version on its own subscription and checkpoint (see docs in the
 * report: isolation of failures and rebuilds beats the saving of one shared read). For each
 * projection one runner is "serving": the one whose collections answer queries, and the one
 * read-your-writes waits for.
 */
export class Projector {
  private readonly dependencies: RunnerDependencies;
  private readonly serving = new Map<string, ProjectionRunner>();
  private readonly building = new Set<ProjectionRunner>();
  /** Projections whose code is newer than the active version, rebuilding since start(). */
  private readonly awaitingSwitch = new Set<string>();
  private readonly trackers = new Set<RebuildTracker>();
  private readonly waiters = new PositionWaiters((position) => this.check(position));

  constructor(private readonly options: ProjectorOptions) {
    this.dependencies = {
      eventStore: options.eventStore,
      readStore: options.readStore,
      checkpoints: options.checkpoints,
      metrics: options.metrics ?? noopMetrics,
      logger: options.logger ?? stderrLogger,
      now: options.now ?? Date.now,
      streamPrefixes: options.streamPrefixes ?? PROJECTED_STREAM_PREFIXES,
      // Catch-up batches amortise the commit and the document loads; live batches are small anyway.
      maxBatchSize: options.maxBatchSize ?? 2000,
      subscriptions: (options.shareCatchUpReads ?? options.eventStore instanceof SqliteEventStore) ? new SharedCatchUp(options.eventStore) : options.eventStore,
    };
  }

  /**
   * Starts every projection at its active version. A projection whose code is newer than the
   * active version is rebuilt in the background while the old collections keep serving.
   */
  async start(): Promise<void> {
    for (const projection of this.options.projections) {
      const active = await this.options.checkpoints.getActiveVersion(projection.name);
      if (active !== null && active > projection.version) {
        this.dependencies.logger.error('the store serves a newer version than this code; not started', {
          projection: projection.name, version: projection.version, active,
        });
      } else if (active !== null && active < projection.version) {
        this.awaitingSwitch.add(projection.name);
        this.rebuild(projection)
          .catch((error: unknown) =>
            this.dependencies.logger.error('background rebuild failed', { projection: projection.name, error: String(error) }),
          )
          .finally(() => {
            this.awaitingSwitch.delete(projection.name);
            this.waiters.notify();
          });
      } else {
        await this.options.readStore.ensureCollections(physicalCollections(projection, projection.version));
        if (active === null) await this.options.checkpoints.setActiveVersion(projection.name, projection.version);
        const runner = this.runner(projection, 'running');
        this.serving.set(projection.name, runner);
        runner.start();
      }
    }
  }

  async stop(): Promise<void> {
    this.trackers.forEach((tracker) => tracker.abort(new Error('The projector stopped before the rebuild finished')));
    const runners = [...this.serving.values(), ...this.building];
    this.serving.clear();
    this.building.clear();
    await Promise.all(runners.map((runner) => runner.stop()));
    this.waiters.cancelAll();
  }

  /** Resolves true once every serving projection reflects `position`; false on timeout or failure. */
  async waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const { eventStore, streamPrefixes } = this.dependencies;
    const head = await eventStore.headPosition();
    // A position not yet written cannot be reflected: wait for it the plain way.
    if (head === null || compareGlobalPositions(position, head) > 0) return this.waiters.wait(position, timeoutMs);
    const target = await lastProjectedPositionAtOrBefore(eventStore, streamPrefixes, this.servingPosition(), position);
    // Nothing projected lies between the lowest checkpoint and P: wait for that checkpoint itself,
    // which still answers "never" for a failed projection and "pending" during a start-up rebuild.
    const serving = this.servingPosition();
    if (target === null && serving === null) return true; // nothing projected up to P at all
    return this.waiters.wait(target ?? (serving as GlobalPosition), timeoutMs);
  }

  /** The lowest position every serving projection reflects (for X-Projection-Position). */
  servingPosition(): GlobalPosition | null {
    let lowest: GlobalPosition | null = null;
    for (const runner of this.serving.values()) {
      if (runner.checkpoint === null) return null;
      if (lowest === null || compareGlobalPositions(runner.checkpoint, lowest) < 0) lowest = runner.checkpoint;
    }
    return lowest;
  }

  /**
   * Builds `projection.version` into fresh collections from the start of the log while the
   * active version keeps serving, then makes it the active version and lets it follow live.
   * The old version's collections stay for a rollback; drop them with ReadStore.dropCollections.
   */
  async rebuild(projection: Projection, options: RebuildOptions = {}): Promise<void> {
    const { checkpoints, readStore } = this.options;
    const active = await checkpoints.getActiveVersion(projection.name);
    if (active !== null && active >= projection.version) {
      throw new Error(`Rebuilding ${projection.name} needs a version above the active ${active}; bump its version`);
    }
    const collections = physicalCollections(projection, projection.version);
    await readStore.dropCollections(collections.map((collection) => collection.name));
    await checkpoints.delete(checkpointName(projection.name, projection.version));
    await readStore.ensureCollections(collections);
    const tracker = new RebuildTracker(await this.options.eventStore.headPosition(), this.dependencies.now, options.onProgress);
    const runner = this.runner(projection, 'rebuilding', tracker);
    this.building.add(runner);
    this.trackers.add(tracker);
    runner.start();
    try {
      await tracker.finished;
    } catch (error) {
      this.building.delete(runner);
      await runner.stop();
      throw error;
    } finally {
      this.trackers.delete(tracker);
    }
    await this.switchTo(projection, runner);
  }

  private async switchTo(projection: Projection, runner: ProjectionRunner): Promise<void> {
    await this.options.checkpoints.setActiveVersion(projection.name, projection.version);
    await runner.promote();
    const previous = this.serving.get(projection.name);
    this.building.delete(runner);
    this.serving.set(projection.name, runner);
    this.dependencies.logger.info('projection version switched', { projection: projection.name, version: projection.version });
    this.waiters.notify();
    await previous?.stop();
  }

  private runner(projection: Projection, state: 'running' | 'rebuilding', tracker?: RebuildTracker): ProjectionRunner {
    return new ProjectionRunner(this.dependencies, projection, projection.version, state, {
      onProgress: (runner, processed) => {
        tracker?.progress(runner, processed);
        this.waiters.notify();
      },
    });
  }

  /** While a start-up rebuild runs, queries read the old, frozen version: nothing is "reached". */
  private check(position: GlobalPosition): 'reached' | 'pending' | 'never' {
    let outcome: 'reached' | 'pending' = this.awaitingSwitch.size > 0 ? 'pending' : 'reached';
    for (const runner of this.serving.values()) {
      if (runner.hasReached(position)) continue;
      if (runner.state === 'failed') return 'never';
      outcome = 'pending';
    }
    return outcome;
  }
}
