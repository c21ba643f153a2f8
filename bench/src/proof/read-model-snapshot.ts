import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of every read-model table of `${dataDir}/read-models.sqlite` except the projector's
 * own bookkeeping (tables starting with '_'), rows in key order: equal digests mean no read
 * model changed.
 */
export function readModelDigest(dataDir: string): {
  digest: string;
  rows: number;
  tables: Record<string, string>;
} {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    const hash = createHash('sha256');
    const digests: Record<string, string> = {};
    let rows = 0;
    for (const table of tables) {
      const tableHash = createHash('sha256');
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).iterate()) {
        tableHash.update(`${JSON.stringify(row)}\n`);
        rows += 1;
      }
      digests[table] = tableHash.digest('hex');
      hash.update(`${table} ${digests[table]}\n`);
    }
    return { digest: hash.digest('hex'), rows, tables: digests };
  } finally {
    db.close();
  }
}

/** Moves every projection checkpoint (`<name>_v<version>`) back by `events` positions: a redelivery. */
export function rewindProjectionCheckpoints(dataDir: string, events: number): number {
  const db = new Database(join(dataDir, 'read-models.sqlite'));
  try {
    const rows = db.prepare('SELECT name, position FROM _checkpoints').all() as Array<{
      name: string;
      position: string;
    }>;
    const update = db.prepare('UPDATE _checkpoints SET position = ? WHERE name = ?');
    let rewound = 0;
    for (const row of rows.filter((candidate) => /_v[0-9]+$/.test(candidate.name))) {
      const position = BigInt(row.position) - BigInt(events);
      update.run(String(position > 0n ? position : 0n), row.name);
      rewound += 1;
    }
    return rewound;
  } finally {
    db.close();
  }
}

/** Notification ids in `${dataDir}/notifications.log`, and how many were sent more than once. */
export function notificationsSent(dataDir: string): { sent: number; duplicates: number } {
  const file = join(dataDir, 'notifications.log');
  if (!existsSync(file)) return { sent: 0, duplicates: 0 };
  const ids = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as Record<string, unknown>).notificationId));
  return { sent: ids.length, duplicates: ids.length - new Set(ids).size };
}

/** Waits until the read models and the notifications log stop changing (the dispatcher marks outbox entries sent). */
export async function quiescent(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  while (Date.now() < deadline) {
    const now = `${readModelDigest(dataDir).digest} ${notificationsSent(dataDir).sent}`;
    if (now === previous) return;
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  throw new Error('the read models kept changing');
}
