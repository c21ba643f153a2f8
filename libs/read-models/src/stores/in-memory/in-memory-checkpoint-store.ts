import { GlobalPosition } from '@ledger/event-store';
import { CheckpointResult, CheckpointStore, ProjectionStatus } from '../checkpoint-store.port';

/** Checkpoints shared with InMemoryReadStore, so that its applyBatch moves them atomically. */
export class InMemoryCheckpointState {
  readonly positions = new Map<string, GlobalPosition>();
  readonly activeVersions = new Map<string, number>();
  readonly statuses = new Map<string, ProjectionStatus>();
}

export class InMemoryCheckpointStore implements CheckpointStore {
  constructor(
    private readonly state: InMemoryCheckpointState,
    /** The read store's batch path, reused so there is one compare-and-set rule. */
    private readonly applyEmptyBatch: (name: string, expected: GlobalPosition | null, next: GlobalPosition) => Promise<CheckpointResult>,
  ) {}

  async get(name: string): Promise<GlobalPosition | null> {
    return this.state.positions.get(name) ?? null;
  }

  compareAndSet(name: string, expected: GlobalPosition | null, next: GlobalPosition): Promise<CheckpointResult> {
    return this.applyEmptyBatch(name, expected, next);
  }

  async delete(name: string): Promise<void> {
    this.state.positions.delete(name);
  }

  async getActiveVersion(projection: string): Promise<number | null> {
    return this.state.activeVersions.get(projection) ?? null;
  }

  async setActiveVersion(projection: string, version: number): Promise<void> {
    this.state.activeVersions.set(projection, version);
  }

  async getStatus(projection: string, version: number): Promise<ProjectionStatus | null> {
    const status = this.state.statuses.get(`${projection}/${version}`);
    return status ? { ...status } : null;
  }

  async setStatus(status: ProjectionStatus): Promise<void> {
    this.state.statuses.set(`${status.projection}/${status.version}`, { ...status });
  }

  async listStatuses(): Promise<ProjectionStatus[]> {
    return [...this.state.statuses.values()].map((status) => ({ ...status }));
  }
}
