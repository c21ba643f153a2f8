/**
 * Keeps the last folded state of recently used streams, so a command reads only the events
 * appended since (from revision + 1) instead of the whole stream. Safe with several writers:
 * the append's expected revision still decides, and a stale entry only means reading more events.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, { revision: number; state: State; lastPosition: string | null }>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): { revision: number; state: State; lastPosition: string | null } | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      // Re-insert to keep Map order as recency order (least recently used first).
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, revision: number, state: State, lastPosition: string | null): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { revision, state, lastPosition });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
