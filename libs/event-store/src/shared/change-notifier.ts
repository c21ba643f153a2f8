/**
 * Wakes live subscriptions after a commit, without spinning. A waiter remembers the `version` it
 * saw before reading, so a commit that lands between its read and its wait is never missed.
 */
export class ChangeNotifier {
  private currentVersion = 0;
  private waiters = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  notify(): void {
    this.currentVersion += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves at the next notify after `seenVersion` (at once if one happened already), or after
   * `timeoutMs` when given: the fallback poll for writers in other processes.
   */
  waitForChange(seenVersion: number, timeoutMs?: number): Promise<void> {
    if (this.currentVersion !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
    });
  }

  /** Releases every waiter, e.g. when a subscription or the store closes. */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
