import type { Database, Transaction } from 'better-sqlite3';

export interface GroupCommitOptions {
  /** Bounds one transaction, so a burst cannot hold the write lock (and the event loop) for long. */
  maxUnitsPerCommit?: number;
  /** Called after a commit in which at least one unit succeeded (e.g. to wake subscribers). */
  onCommitted?: () => void;
  /** What each unit of a batch whose COMMIT failed is rejected with; nothing of that batch is stored. */
  commitFailed?: (error: unknown) => unknown;
}

interface Unit {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit on one better-sqlite3 connection. Every unit of work submitted during one
 * event-loop turn runs in a single BEGIN IMMEDIATE transaction, so the whole group costs one
 * fsync with synchronous=FULL, and the durable commit (not each request) is the unit of disk cost.
 * Each unit runs in its own savepoint: a unit that throws rolls back its own writes and fails
 * alone, the others commit. A unit's promise settles only after the COMMIT returned, so nothing
 * is acknowledged before it is durable.
 *
 * Units must be synchronous (better-sqlite3 is), and must not start transactions of their own.
 */
export class GroupCommit {
  private queue: Unit[] = [];
  private flushScheduled = false;
  private readonly maxUnits: number;
  private readonly commitGroup: Transaction<(units: Unit[]) => Outcome[]>;

  constructor(
    db: Database,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxUnits = options.maxUnitsPerCommit ?? 256;
    // Called inside commitGroup, better-sqlite3 runs a transaction function as a SAVEPOINT.
    const inSavepoint = db.transaction((unit: Unit) => unit.work());
    this.commitGroup = db.transaction((units: Unit[]) =>
      units.map((unit): Outcome => {
        try {
          return { ok: true, value: inSavepoint(unit) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `work` in the next group's transaction; resolves with its result once that group is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  /** Commits whatever is queued now (before closing the connection, say). */
  flush(): void {
    while (this.queue.length > 0) this.commitNext();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: it gathers every unit started during this turn's I/O callbacks.
    setImmediate(() => {
      this.flushScheduled = false;
      this.commitNext();
    });
  }

  private commitNext(): void {
    if (this.queue.length === 0) return;
    const units = this.queue.splice(0, this.maxUnits);
    if (this.queue.length > 0) this.scheduleFlush();
    let outcomes: Outcome[];
    try {
      outcomes = this.commitGroup.immediate(units);
    } catch (error) {
      const failure = this.options.commitFailed?.(error) ?? error;
      units.forEach((unit) => unit.reject(failure));
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) this.options.onCommitted?.();
    outcomes.forEach((outcome, index) => (outcome.ok ? units[index].resolve(outcome.value) : units[index].reject(outcome.error)));
  }
}
