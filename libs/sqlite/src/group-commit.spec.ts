import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  let dir: string;
  let db: Database.Database;
  let observer: Database.Database;
  const rows = (): string[] => (observer.prepare('SELECT name FROM items ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  const insert = (name: string) => () => db.prepare('INSERT INTO items (name) VALUES (?)').run(name).changes;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    db = new Database(join(dir, 'test.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE items (name TEXT PRIMARY KEY)');
    observer = new Database(join(dir, 'test.sqlite'));
  });

  afterEach(() => {
    observer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every unit submitted in one turn in one transaction, and resolves each with its result', async () => {
    let commits = 0;
    const group = new GroupCommit(db, { onCommitted: () => (commits += 1) });
    const results = await Promise.all(['a', 'b', 'c'].map((name) => group.run(insert(name))));
    expect(results).toEqual([1, 1, 1]);
    expect(commits).toBe(1);
    expect(rows()).toEqual(['a', 'b', 'c']);
  });

  it('settles a unit only once its group is visible to another connection (committed)', async () => {
    const group = new GroupCommit(db);
    const seen = await group.run(insert('a')).then(() => rows());
    expect(seen).toEqual(['a']);
  });

  it('rolls back only the unit that throws; the rest of the group commits', async () => {
    const group = new GroupCommit(db);
    const failing = () => {
      insert('half-done')();
      throw new Error('refused');
    };
    const outcomes = await Promise.allSettled([group.run(insert('a')), group.run(failing), group.run(insert('b'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(rows()).toEqual(['a', 'b']);
  });

  it('rejects the whole group with the mapped error when the transaction cannot commit, storing nothing', async () => {
    db.pragma('busy_timeout = 0');
    const group = new GroupCommit(db, { commitFailed: (error) => new Error(`unavailable: ${(error as Error).message}`) });
    observer.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    const outcomes = await Promise.allSettled([group.run(insert('a')), group.run(insert('b'))]);
    observer.exec('ROLLBACK');
    expect(outcomes.every((outcome) => outcome.status === 'rejected' && /unavailable: database is locked/.test(String(outcome.reason)))).toBe(true);
    expect(rows()).toEqual([]);
  });

  it('splits a burst larger than the bound into several commits, in submission order', async () => {
    let commits = 0;
    const group = new GroupCommit(db, { maxUnitsPerCommit: 2, onCommitted: () => (commits += 1) });
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => group.run(() => order.push(name))));
    expect(commits).toBe(3);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('commits queued units at once on flush(), without waiting for the next turn', () => {
    const group = new GroupCommit(db);
    void group.run(insert('a'));
    group.flush();
    expect(rows()).toEqual(['a']);
  });
});
