import { GlobalPosition } from '@ledger/event-store';

/** 'reached': every serving projection reflects the position; 'never': one failed before it. */
export type PositionCheck = (position: GlobalPosition) => 'reached' | 'pending' | 'never';

interface Waiter {
  position: GlobalPosition;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * Read-your-writes without polling: a waiter is re-checked only when a projection reports
 * progress (`notify`), and resolves false at its timeout.
 */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly check: PositionCheck) {}

  wait(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const now = this.check(position);
    if (now !== 'pending') return Promise.resolve(now === 'reached');
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  notify(): void {
    for (const waiter of this.waiters) {
      const outcome = this.check(waiter.position);
      if (outcome !== 'pending') this.settle(waiter, outcome === 'reached');
    }
  }

  /** On shutdown: nobody will catch up any more. */
  cancelAll(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }
}
