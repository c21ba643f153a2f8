import { Instant, parseInstant } from '@ledger/domain';

/** Nest token of the Clock port. */
export const CLOCK = Symbol('Clock');

/**
 * The one source of "now" for the service. The domain never reads a clock (STYLE.md rule 1):
 * handlers read this port and pass the instant in the command, so tests control time.
 */
export interface Clock {
  now(): Instant;
}

/** Wall-clock time in UTC. */
export class SystemClock implements Clock {
  now(): Instant {
    return new Date().toISOString() as Instant;
  }
}

/** A clock tests set and advance by hand; it never moves on its own. */
export class SettableClock implements Clock {
  private current: Instant;

  constructor(start = '2026-01-05T14:00:00.000Z') {
    this.current = parseInstant(start, 'start');
  }

  now(): Instant {
    return this.current;
  }

  set(instant: string): void {
    this.current = parseInstant(instant, 'instant');
  }

  advanceBy(milliseconds: number): void {
    this.current = new Date(Date.parse(this.current) + milliseconds).toISOString() as Instant;
  }
}
