import { GlobalPosition, globalPosition } from '@ledger/event-store';
import { CheckpointResult, CheckpointStore, ProjectionStatus } from '../checkpoint-store.port';
import { SqliteDatabase } from './sqlite-database';
import { SqliteReadStore } from './sqlite-read-store';

/** Checkpoints, active versions and statuses in the read models' SQLite file. */
export class SqliteCheckpointStore implements CheckpointStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly readStore: SqliteReadStore,
  ) {}

  async get(name: string): Promise<GlobalPosition | null> {
    const row = this.database.prepare('SELECT position FROM _checkpoints WHERE name = ?').get(name) as { position: string } | undefined;
    return row ? globalPosition(row.position) : null;
  }

  /** An empty batch: one compare-and-set rule and one transaction path for both ports. */
  compareAndSet(name: string, expected: GlobalPosition | null, next: GlobalPosition): Promise<CheckpointResult> {
    return this.readStore.applyBatch({ changes: [], checkpoint: { name, expected, position: next } });
  }

  async delete(name: string): Promise<void> {
    this.database.prepare('DELETE FROM _checkpoints WHERE name = ?').run(name);
  }

  async getActiveVersion(projection: string): Promise<number | null> {
    const row = this.database.prepare('SELECT version FROM _active_versions WHERE projection = ?').get(projection) as
      | { version: number }
      | undefined;
    return row ? row.version : null;
  }

  async setActiveVersion(projection: string, version: number): Promise<void> {
    this.database
      .prepare('INSERT INTO _active_versions (projection, version) VALUES (?, ?) ON CONFLICT(projection) DO UPDATE SET version = excluded.version')
      .run(projection, version);
  }

  async getStatus(projection: string, version: number): Promise<ProjectionStatus | null> {
    const row = this.database
      .prepare('SELECT status FROM _projection_statuses WHERE projection = ? AND version = ?')
      .get(projection, version) as { status: string } | undefined;
    return row ? (JSON.parse(row.status) as ProjectionStatus) : null;
  }

  async setStatus(status: ProjectionStatus): Promise<void> {
    this.database
      .prepare(
        `INSERT INTO _projection_statuses (projection, version, status) VALUES (?, ?, ?)
         ON CONFLICT(projection, version) DO UPDATE SET status = excluded.status`,
      )
      .run(status.projection, status.version, JSON.stringify(status));
  }

  async listStatuses(): Promise<ProjectionStatus[]> {
    const rows = this.database.prepare('SELECT status FROM _projection_statuses ORDER BY projection, version').all() as {
      status: string;
    }[];
    return rows.map((row) => JSON.parse(row.status) as ProjectionStatus);
  }
}
