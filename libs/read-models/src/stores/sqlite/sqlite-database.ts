import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GroupCommit } from '@ledger/sqlite';
import { META_TABLES_SQL } from './sqlite-sql';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * One connection to `${dataDir}/read-models.sqlite`, shared by the read store and the checkpoint
 * store so that a batch and its checkpoint commit in one transaction. Statements are prepared once
 * and cached by their SQL text.
 */
export class SqliteDatabase {
  private readonly statements = new Map<string, Statement>();
  /** Tables known to exist: the check ran once per document read and write before (hot path). */
  private readonly tables = new Set<string>();

  /**
   * Batch writes share commits through this (see SqliteReadStore.applyBatch). Its transactions are
   * BEGIN IMMEDIATE: the write lock is taken before a checkpoint is read, so two projector
   * processes on one file cannot both pass the same checkpoint's compare-and-set.
   */
  readonly commits: GroupCommit;

  private constructor(readonly db: Database.Database) {
    this.commits = new GroupCommit(db);
  }

  static open(dataDir: string): SqliteDatabase {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    // WAL lets the API read while the projector writes; FULL survives power loss with the checkpoint.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(META_TABLES_SQL);
    return new SqliteDatabase(db);
  }

  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Queries vary with their filters; a bound keeps a long-running API from hoarding statements.
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Dropping a table invalidates the statements that name it. */
  forgetStatements(): void {
    this.statements.clear();
    this.tables.clear();
  }

  /** Only existence is cached: a table dropped by another connection shows as "no such table" (see isNoSuchTable). */
  tableExists(name: string): boolean {
    if (this.tables.has(name)) return true;
    const exists = this.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
    if (exists) this.tables.add(name);
    return exists;
  }

  /** Whether an error says a table is gone, e.g. dropped by another process since it was cached. */
  static isNoSuchTable(error: unknown): boolean {
    return error instanceof Error && /no such table/i.test(error.message);
  }

  close(): void {
    if (!this.db.open) return;
    this.commits.flush(); // batches already accepted are committed, not dropped
    this.db.close();
  }
}
