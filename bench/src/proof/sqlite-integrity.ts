import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The SQLite files of the embedded setup: event store, read models, API border (idempotency, vault). */
export const SQLITE_FILES = ['events.sqlite', 'read-models.sqlite', 'ledger-api.sqlite'] as const;

/**
 * `PRAGMA integrity_check` on every SQLite file of the data dir, as the next process would open
 * it (so a hot WAL is recovered first). Returns the files whose answer is not 'ok'.
 */
export function integrityProblems(dataDir: string): string[] {
  const problems: string[] = [];
  for (const name of SQLITE_FILES) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    const db = new Database(file);
    try {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const answer = rows.map((row) => row.integrity_check).join('; ');
      if (answer !== 'ok') problems.push(`${name}: ${answer}`);
    } finally {
      db.close();
    }
  }
  return problems;
}
