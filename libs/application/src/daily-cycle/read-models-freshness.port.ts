import { GlobalPosition } from '@ledger/event-store';

/**
 * Waits until the read models reflect a position of the global log (the projector's
 * read-your-writes wait). Resolves false on timeout or when a projection failed before it.
 */
export interface ReadModelsFreshness {
  waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<boolean>;
}

/** Nest token of the ReadModelsFreshness port. */
export const READ_MODELS_FRESHNESS = Symbol('ReadModelsFreshness');
