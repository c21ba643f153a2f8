import { EventStore, GlobalPosition, GlobalSubscription, RecordedEvent, compareGlobalPositions } from '@ledger/event-store';
import { CheckpointStore, checkpointName, ProjectionState } from '../stores/checkpoint-store.port';
import { ReadStore } from '../stores/read-store.port';
import { ReadStoreError } from '../stores/read-store.errors';
import { Projection } from '../projection';
import { DocumentCache } from './document-cache';
import { evolveBatch } from './evolve-batch';
import { ProjectorLogger } from './projector-logger';
import { ProjectorMetrics } from './projector-metrics';
import { RunnerMeter } from './runner-meter';

export interface RunnerDependencies {
  eventStore: EventStore;
  readStore: ReadStore;
  checkpoints: CheckpointStore;
  metrics: ProjectorMetrics;
  logger: ProjectorLogger;
  now: () => number;
  streamPrefixes: readonly string[];
  maxBatchSize: number;
  /** Where runners subscribe: the event store, with history pages shared between runners (SharedCatchUp). */
  subscriptions: Pick<EventStore, 'subscribeToAll'>;
}

export interface RunnerHooks {
  /** The runner reached a new position (stored checkpoint, caught up, or failed). */
  onProgress(runner: ProjectionRunner, processedEvents: number): void;
}

const RETRY_DELAYS_MS = [100, 500, 1000, 5000, 15000];

/**
 * One projection version on its own catch-up subscription: load, evolve, write with the
 * checkpoint, repeat. It stops for good at a poison event (never skipping it) and otherwise
 * retries from the stored checkpoint after an error, which is where a restart would resume too.
 */
export class ProjectionRunner {
  readonly checkpointName: string;
  checkpoint: GlobalPosition | null = null;
  /** Whether the subscription has delivered all history once. */
  caughtUp = false;
  state: ProjectionState | 'stopped';
  failure: { position: GlobalPosition; error: string } | null = null;
  private stopped = false;
  private subscription: GlobalSubscription | null = null;
  private wakeRetry: () => void = () => {};
  private done: Promise<void> = Promise.resolve();
  private readonly meter: RunnerMeter;
  private readonly cache = new DocumentCache();

  constructor(
    private readonly dependencies: RunnerDependencies,
    readonly projection: Projection,
    readonly version: number,
    initialState: 'running' | 'rebuilding',
    private readonly hooks: RunnerHooks,
  ) {
    this.checkpointName = checkpointName(projection.name, version);
    this.state = initialState;
    this.meter = new RunnerMeter(dependencies, { projection: projection.name, version: String(version) });
  }

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeRetry();
    await this.subscription?.close();
    await this.done;
  }

  /** Marks the runner as serving queries (after a rebuild's switch). */
  async promote(): Promise<void> {
    this.state = 'running';
    await this.recordStatus();
  }

  private async run(): Promise<void> {
    await this.recordStatus();
    for (let attempt = 0; !this.stopped && this.state !== 'failed'; attempt += 1) {
      try {
        if (await this.follow()) attempt = -1;
      } catch (error) {
        if (error instanceof ReadStoreError) return this.fail(this.checkpoint ?? ('0' as GlobalPosition), error);
        const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempt, 0), RETRY_DELAYS_MS.length - 1)];
        this.dependencies.logger.warn('projection will retry from its checkpoint', {
          projection: this.projection.name, version: this.version, delayMs: delay, error: errorText(error),
        });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wakeRetry = () => { clearTimeout(timer); resolve(); };
        });
      }
    }
  }

  /** Follows the log from the stored checkpoint; true when it made progress before ending. */
  private async follow(): Promise<boolean> {
    // After an error or a checkpoint moved by another projector, trust only the store.
    this.cache.clear();
    this.checkpoint = await this.dependencies.checkpoints.get(this.checkpointName);
    const { subscriptions, streamPrefixes, maxBatchSize } = this.dependencies;
    this.subscription = subscriptions.subscribeToAll({ afterPosition: this.checkpoint ?? undefined, streamPrefixes, maxBatchSize });
    if (this.stopped) await this.subscription.close();
    let progressed = false;
    try {
      for await (const message of this.subscription) {
        if (this.stopped) break;
        if (message.kind === 'caughtUp') {
          this.caughtUp = true;
          this.meter.caughtUp();
          this.hooks.onProgress(this, 0);
          continue;
        }
        const outcome = await this.applyBatch(message.events);
        if (outcome !== 'applied') return progressed;
        progressed = true;
      }
    } finally {
      await this.subscription.close();
    }
    return progressed;
  }

  private async applyBatch(delivered: RecordedEvent[]): Promise<'applied' | 'poisoned' | 'conflict'> {
    const started = this.dependencies.now();
    // A redelivered prefix is already in the documents: folding it again would count it twice.
    const checkpoint = this.checkpoint;
    const events = checkpoint === null ? delivered : delivered.filter((event) => compareGlobalPositions(event.position, checkpoint) > 0);
    if (events.length === 0) return 'applied';
    const evolved = await evolveBatch(this.projection, this.version, this.dependencies.readStore, events, this.cache);
    if (evolved.lastPosition !== null) {
      const result = await this.dependencies.readStore.applyBatch({
        changes: evolved.changes,
        checkpoint: { name: this.checkpointName, expected: this.checkpoint, position: evolved.lastPosition },
      });
      if (result.status !== 'STORED') {
        // Another projector moved this checkpoint; resubscribing from the stored one is always safe.
        this.dependencies.logger.warn('checkpoint moved underneath the projection', {
          projection: this.projection.name, version: this.version, result,
        });
        return 'conflict';
      }
      this.checkpoint = evolved.lastPosition;
      this.cache.remember(evolved.changes);
      const applied = evolved.poison ? events.findIndex((event) => event === evolved.poison?.event) : events.length;
      await this.meter.batchApplied(events.slice(0, applied), started, this.checkpoint);
      this.hooks.onProgress(this, applied);
    }
    if (!evolved.poison) return 'applied';
    await this.fail(evolved.poison.event.position, evolved.poison.error, evolved.poison.event);
    return 'poisoned';
  }

  private async fail(position: GlobalPosition, error: unknown, event?: RecordedEvent): Promise<void> {
    this.state = 'failed';
    this.failure = { position, error: errorText(error) };
    this.meter.poisoned();
    this.dependencies.logger.error('projection stopped at a poison event', {
      projection: this.projection.name, version: this.version, position, streamId: event?.streamId,
      revision: event?.revision, eventType: event?.type, error: errorText(error),
    });
    await this.recordStatus().catch(() => undefined);
    this.hooks.onProgress(this, 0);
  }

  private recordStatus(): Promise<void> {
    return this.dependencies.checkpoints.setStatus({
      projection: this.projection.name,
      version: this.version,
      state: this.state === 'stopped' ? 'running' : this.state,
      position: this.failure?.position ?? this.checkpoint,
      ...(this.failure ? { error: this.failure.error } : {}),
      updatedAt: new Date(this.dependencies.now()).toISOString(),
    });
  }

  /** Whether everything up to `position` is reflected in stored documents. */
  hasReached(position: GlobalPosition): boolean {
    return this.checkpoint !== null && compareGlobalPositions(this.checkpoint, position) >= 0;
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
