import { LedgerConfigError, type LedgerEnvironment } from '@ledger/config';
import type { Projection } from '@ledger/read-models';

/**
 * Who runs the projector. 'embedded' (the quickstart default): the API process subscribes and
 * projects itself. 'external' (production): apps/projector does, and the API only reads; a
 * read-your-writes wait then polls the shared checkpoint store.
 */
export type ProjectorMode = 'embedded' | 'external';

/** How the read side is wired into an app; defaults come from `readModelsOptionsFromEnvironment`. */
export interface ReadModelsOptions {
  readonly projectorMode: ProjectorMode;
  /** Longest wait on X-Min-Position (api.md: at most 5 s); tests shorten it. */
  readonly minPositionTimeoutMs: number;
  /** Checkpoint polling interval while waiting on an external projector. */
  readonly checkpointPollIntervalMs: number;
  /** A projection behind the log whose checkpoint has not moved for this long is reported stalled. */
  readonly stalledAfterMs: number;
  /** Replaces `allProjections` (tests inject a poison projection). */
  readonly projections?: readonly Projection[];
}

/** api.md, "Read-your-writes": a query waits at most 5 s. */
export const MIN_POSITION_TIMEOUT_MS = 5_000;

/**
 * 200 ms keeps an external-projector wait within a fifth of a second of the checkpoint while
 * costing each waiting request at most 25 small reads of the checkpoint store.
 */
export const CHECKPOINT_POLL_INTERVAL_MS = 200;

const STALLED_AFTER_MS = 60_000;

/**
 * Reads LEDGER_PROJECTOR ('embedded' or 'external'). It lives here rather than in LedgerConfig
 * until the config owner folds it in; an unknown value fails start-up like any bad variable.
 */
export function readModelsOptionsFromEnvironment(env: LedgerEnvironment = process.env): ReadModelsOptions {
  const raw = env.LEDGER_PROJECTOR?.trim().toLowerCase() || 'embedded';
  if (raw !== 'embedded' && raw !== 'external') {
    throw new LedgerConfigError('LEDGER_PROJECTOR', `must be "embedded" or "external", got "${raw}"`);
  }
  return {
    projectorMode: raw,
    minPositionTimeoutMs: MIN_POSITION_TIMEOUT_MS,
    checkpointPollIntervalMs: CHECKPOINT_POLL_INTERVAL_MS,
    stalledAfterMs: STALLED_AFTER_MS,
  };
}
