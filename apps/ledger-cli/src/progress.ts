import { Presets, SingleBar } from 'cli-progress';
import { CliIo } from './cli-io';

export interface Progress {
  update(done: number, total: number | null): void;
  stop(): void;
}

/**
 * A progress bar with ETA on stderr when it is a terminal; nothing otherwise, so pipes and logs
 * stay clean. `total` may be unknown (null) until the first update.
 */
export function progressBar(io: CliIo, label: string): Progress {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total ?? done, done);
      else if (total !== null) bar.setTotal(total);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}
