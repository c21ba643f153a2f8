import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { META_TABLES_SQL } from './sqlite-sql';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * One connection to `${dataDir}/read-models.sqlite`, shared by the read store and the checkpoint
 * store so that a batch and its checkpoint commit in one transaction. Statements are prepared once
 * and cached by their SQL text.
 */
export class SqliteDatabase {
  private readonly statements = new Map<string, Statement>();

  private constructor(readonly db: Database.Database) {}

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
  }

  tableExists(name: string): boolean {
    return this.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
