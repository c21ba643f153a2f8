import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where a canary was found: a file of the data dir and the byte offset, or a captured log line. */
export interface CanarySighting {
  canary: string;
  where: string;
}

const filesUnder = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/**
 * Greps every file of the data dir (SQLite databases with their WAL and journal, log files,
 * idempotency records) for each canary, as UTF-8 and as UTF-16 (SQLite may store text either way).
 */
export function scanDataDir(dataDir: string, canaries: readonly string[]): CanarySighting[] {
  const sightings: CanarySighting[] = [];
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    for (const canary of canaries) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        const offset = bytes.indexOf(Buffer.from(canary, encoding));
        if (offset >= 0) sightings.push({ canary, where: `${file} @${offset} (${encoding})` });
      }
    }
  }
  return sightings;
}

export const scanLines = (lines: readonly string[], canaries: readonly string[]): CanarySighting[] =>
  lines.flatMap((line, index) =>
    canaries
      .filter((canary) => line.includes(canary))
      .map((canary) => ({ canary, where: `log line ${index + 1}` })),
  );
