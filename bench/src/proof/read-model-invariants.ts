import { EventStore } from '@ledger/event-store';
import {
  allProjections,
  checkpointName,
  CheckpointStore,
  Projection,
  ReadStore,
  verifyProjection,
} from '@ledger/read-models';
import { InvariantViolation } from './log-invariants';

export interface ReadSide {
  readStore: ReadStore;
  checkpoints: CheckpointStore;
}

/**
 * Every read model equals a replay of the log, and the projector applied every global position
 * exactly once: each projection's checkpoint is the head (nothing skipped or pending), and the
 * documents equal an in-memory rebuild as of that checkpoint (a position applied twice to a
 * non-idempotent figure, or not at all, shows as a CHANGED or MISSING document).
 */
export async function checkReadModels(
  store: EventStore,
  readSide: ReadSide,
  projections: readonly Projection[] = allProjections,
): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  const head = await store.headPosition();
  for (const projection of projections) {
    const version = (await readSide.checkpoints.getActiveVersion(projection.name)) ?? projection.version;
    const checkpoint = await readSide.checkpoints.get(checkpointName(projection.name, version));
    if (checkpoint !== head) {
      violations.push({
        invariant: 'projector-caught-up',
        subject: projection.name,
        detail: `checkpoint ${checkpoint ?? 'none'}, head ${head ?? 'none'}`,
      });
    }
    const verification = await verifyProjection(store, readSide, projection, { maxDiscrepancies: 5 });
    if (!verification.ok) {
      const sample = verification.discrepancies
        .map((difference) => `${difference.kind} ${difference.collection}/${difference.id}`)
        .join('; ');
      violations.push({ invariant: 'read-model-equals-replay', subject: projection.name, detail: sample });
    }
  }
  return violations;
}
