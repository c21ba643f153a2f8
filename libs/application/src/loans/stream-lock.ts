/**
 * Runs the commands of one stream one after another inside this process. Without it, N
 * concurrent commands on a loan all read revision r, one wins and N-1 conflict, then N-2, ...:
 * a burst of 20 would exhaust handleCommand's bounded retries. Queued, they only conflict with
 * writers in other processes (the CLI, a second replica), which the retries still cover.
 */
export class StreamLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const current = previous.then(work, work);
    // The tail never rejects, so one failed command does not fail the ones queued after it.
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(streamId, tail);
    try {
      return await current;
    } finally {
      // Forget the stream once nothing is queued behind this command, so the map stays small.
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
