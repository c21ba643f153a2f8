import { Db } from 'mongodb';
import { GlobalPosition, globalPosition } from '@ledger/event-store';
import { CheckpointResult, CheckpointStore, ProjectionStatus } from '../checkpoint-store.port';
import { CHECKPOINTS, MongoReadStore } from './mongo-read-store';

interface CheckpointDocument {
  _id: string;
  position: string;
}
interface ActiveVersionDocument {
  _id: string;
  version: number;
}
type StatusDocument = ProjectionStatus & { _id: string };

/** Checkpoints, active versions and statuses in the read models' database. */
export class MongoCheckpointStore implements CheckpointStore {
  constructor(
    private readonly db: Db,
    private readonly readStore: MongoReadStore,
  ) {}

  async get(name: string): Promise<GlobalPosition | null> {
    const found = await this.db.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: name });
    return found ? globalPosition(found.position) : null;
  }

  /** An empty batch: one compare-and-set rule and one transaction path for both ports. */
  compareAndSet(name: string, expected: GlobalPosition | null, next: GlobalPosition): Promise<CheckpointResult> {
    return this.readStore.applyBatch({ changes: [], checkpoint: { name, expected, position: next } });
  }

  async delete(name: string): Promise<void> {
    await this.db.collection<CheckpointDocument>(CHECKPOINTS).deleteOne({ _id: name });
  }

  async getActiveVersion(projection: string): Promise<number | null> {
    const found = await this.db.collection<ActiveVersionDocument>('_active_versions').findOne({ _id: projection });
    return found ? found.version : null;
  }

  async setActiveVersion(projection: string, version: number): Promise<void> {
    await this.db
      .collection<ActiveVersionDocument>('_active_versions')
      .updateOne({ _id: projection }, { $set: { version } }, { upsert: true });
  }

  async getStatus(projection: string, version: number): Promise<ProjectionStatus | null> {
    const found = await this.db.collection<StatusDocument>('_projection_statuses').findOne({ _id: `${projection}/${version}` });
    return found ? withoutId(found) : null;
  }

  async setStatus(status: ProjectionStatus): Promise<void> {
    const _id = `${status.projection}/${status.version}`;
    await this.db.collection<StatusDocument>('_projection_statuses').replaceOne({ _id }, status, { upsert: true });
  }

  async listStatuses(): Promise<ProjectionStatus[]> {
    const found = await this.db.collection<StatusDocument>('_projection_statuses').find().sort({ _id: 1 }).toArray();
    return found.map(withoutId);
  }
}

const withoutId = ({ _id: _ignored, ...status }: StatusDocument): ProjectionStatus => status;
