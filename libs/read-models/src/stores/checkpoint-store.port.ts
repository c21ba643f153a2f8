import { compareGlobalPositions, GlobalPosition } from '@ledger/event-store';

/** Move a checkpoint from `expected` (null: never stored) to `position`. */
export interface CheckpointUpdate {
  name: string;
  position: GlobalPosition;
  expected: GlobalPosition | null;
}

/**
 * STORED: moved. CURRENT_AHEAD: the stored checkpoint is already at or past `position`
 * (a redelivery, or another projector got there first). MISMATCH: it is somewhere else.
 */
export type CheckpointResult =
  | { status: 'STORED' }
  | { status: 'CURRENT_AHEAD'; current: GlobalPosition }
  | { status: 'MISMATCH'; current: GlobalPosition | null };

export type ProjectionState = 'running' | 'failed' | 'rebuilding';

/** What one version of a projection is doing; failed records the poison event that stopped it. */
export interface ProjectionStatus {
  projection: string;
  version: number;
  state: ProjectionState;
  /** failed: the poison event's position; otherwise the last position reported. */
  position: GlobalPosition | null;
  error?: string;
  /** ISO-8601 instant. */
  updatedAt: string;
}

/**
 * Checkpoints, active versions and statuses of the projections. It lives beside the documents
 * (same database) so that ReadStore.applyBatch can move a checkpoint in the documents' transaction.
 */
export interface CheckpointStore {
  get(name: string): Promise<GlobalPosition | null>;
  compareAndSet(name: string, expected: GlobalPosition | null, next: GlobalPosition): Promise<CheckpointResult>;
  /** Forgets a checkpoint, e.g. before rebuilding a version from the start. */
  delete(name: string): Promise<void>;
  /** The version whose collections serve queries, or null before the first build. */
  getActiveVersion(projection: string): Promise<number | null>;
  setActiveVersion(projection: string, version: number): Promise<void>;
  getStatus(projection: string, version: number): Promise<ProjectionStatus | null>;
  setStatus(status: ProjectionStatus): Promise<void>;
  listStatuses(): Promise<ProjectionStatus[]>;
}

/** Nest injection token for the CheckpointStore port. */
export const CHECKPOINT_STORE = Symbol('CHECKPOINT_STORE');

/** The checkpoint name of one version of a projection. */
export const checkpointName = (projection: string, version: number): string => `${projection}_v${version}`;

/** The compare-and-set rule every adapter applies inside its transaction. */
export const decideCheckpoint = (current: GlobalPosition | null, update: CheckpointUpdate): CheckpointResult => {
  if (update.expected !== null && compareGlobalPositions(update.position, update.expected) <= 0) {
    throw new Error(`Checkpoint ${update.name} must move forward: ${update.expected} -> ${update.position}`);
  }
  if (current === update.expected) return { status: 'STORED' };
  if (current !== null && compareGlobalPositions(current, update.position) >= 0) {
    return { status: 'CURRENT_AHEAD', current };
  }
  return { status: 'MISMATCH', current };
};
