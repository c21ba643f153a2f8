import Database from 'better-sqlite3';

/**
 * One table is the whole log. `position` is the rowid: SQLite hands out max + 1, and rows are never
 * deleted, so positions are gapless (1, 2, 3...) and, because writers are serialized, committed in
 * order: a reader never sees position n + 1 before n. Each event's `metadata` JSON is complete
 * (eventId, recordedAt, hashes); `hash`, `recorded_at` and `schema_version` are copies kept as
 * columns so appends, as-of reads and upcasting need not parse JSON.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);`;

/** The pragmas the store and the benchmark's bare baseline share, so the comparison is fair. */
export const applyDurablePragmas = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk (WAL fsync) before the append's promise resolves.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = OFF');
};

/** Opens (or creates) the log file; waits up to `busyTimeoutMs` for another process's write lock. */
export const openEventsDatabase = (file: string, busyTimeoutMs = 5000): Database.Database => {
  const db = new Database(file, { timeout: busyTimeoutMs });
  applyDurablePragmas(db);
  db.exec(SCHEMA);
  return db;
};

const COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata';

/** Every statement the store runs, prepared once. Reads are `.raw()`: arrays are cheaper than objects. */
export const prepareStatements = (db: Database.Database) => ({
  tip: db.prepare<[string], { revision: number; hash: string; recorded_at: string }>(
    'SELECT revision, hash, recorded_at FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  ),
  idsAt: db
    .prepare<[string, number, number], string>('SELECT event_id FROM events WHERE stream_id = ? AND revision >= ? AND revision < ? ORDER BY revision')
    .pluck(),
  positionAt: db.prepare<[string, number], number>('SELECT position FROM events WHERE stream_id = ? AND revision = ?').pluck(),
  insert: db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  readForwards: db
    .prepare<[string, number, string, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND recorded_at <= ? ORDER BY revision LIMIT ?`,
    )
    .raw(),
  readBackwards: db
    .prepare<[string, number, string, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? AND recorded_at <= ? ORDER BY revision DESC LIMIT ?`,
    )
    .raw(),
  readAll: db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(),
  head: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
});

/** A page of the log restricted to stream-id prefixes; one statement per prefix count, cached by the caller. */
export const prepareReadAllWithPrefixes = (db: Database.Database, prefixCount: number) => {
  const matches = Array.from({ length: prefixCount }, () => 'substr(stream_id, 1, ?) = ?').join(' OR ');
  return db.prepare<unknown[], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? AND (${matches}) ORDER BY position LIMIT ?`).raw();
};

export type EventStatements = ReturnType<typeof prepareStatements>;

/** A row as `.raw()` returns it, in COLUMNS order. */
export type EventRow = [number, string, number, string, string, number, string, string];
