import Database from 'better-sqlite3';
import { GroupCommit } from '@ledger/sqlite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppendResult, ExpectedRevision, GlobalPosition, globalPosition, NewEvent, RecordedEvent } from '../event-envelope';
import { EventStoreRequestRejected, EventStoreUnavailable } from '../event-store.errors';
import { EventStore, GlobalSubscription, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../event-store.port';
import { ChangeNotifier } from '../shared/change-notifier';
import { pollingSubscription } from '../shared/polling-subscription';
import { checkExpectation, normalizeInstant, recordNewEvents, validateNewEvents } from '../shared/record-events';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { rowToEvent } from './sqlite-rows';
import { EventRow, EventStatements, openEventsDatabase, prepareReadAllWithPrefixes, prepareStatements } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** The store's clock for recordedAt. */
  now?: () => Date;
  /** How often a live subscription re-reads without news, to see other processes' appends. */
  fallbackPollMs?: number;
}

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}

const LAST_INSTANT = '9999-12-31T23:59:59.999Z';

/**
 * The embedded default store: one SQLite file in WAL mode with synchronous=FULL.
 *
 * Group commit (GroupCommit): appends arriving in the same event-loop turn are committed together
 * in one transaction (one fsync), each inside its own savepoint, so each is checked on its own and
 * a conflicting append fails alone. The write transaction is BEGIN IMMEDIATE, so appends from
 * several processes on one file serialize on SQLite's lock, and each expectation check reads the
 * stream inside the transaction that writes it.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: EventStatements;
  private readonly prefixStatements = new Map<number, Database.Statement<unknown[], EventRow>>();
  private readonly notifier = new ChangeNotifier();
  private readonly commits: GroupCommit;
  private readonly now: () => Date;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.statements = prepareStatements(db);
    this.now = options.now ?? (() => new Date());
    this.commits = new GroupCommit(db, {
      onCommitted: () => this.notifier.notify(),
      // The commit itself failed (disk, lock timeout): nothing of this group is known to be stored.
      commitFailed: (error) => new EventStoreUnavailable('SQLite commit failed', error),
    });
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailable('The SQLite event store is closed'));
    try {
      validateNewEvents(events);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.commits.run(() => this.writeAppend({ streamId, events, expected }));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const asOf = options.recordedAtOrBefore === undefined ? LAST_INSTANT : normalizeInstant(options.recordedAtOrBefore);
    const limit = options.limit ?? -1; // SQLite: a negative LIMIT means none.
    const rows =
      options.direction === 'backwards'
        ? this.statements.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, asOf, limit)
        : this.statements.readForwards.all(streamId, options.fromRevision ?? 0, asOf, limit);
    return rows.map((row) => rowToEvent(row, this.options.upcasters));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(options.afterPosition, options.streamPrefixes, options.limit ?? -1);
  }

  subscribeToAll(options: SubscribeOptions = {}): GlobalSubscription {
    const source = {
      readPage: (after: GlobalPosition | undefined, prefixes: readonly string[] | undefined, limit: number) => this.readPage(after, prefixes, limit),
      notifier: this.notifier,
      fallbackPollMs: this.options.fallbackPollMs ?? 500,
    };
    return pollingSubscription(source, options);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    const head = this.statements.head.get();
    return head === null || head === undefined ? null : globalPosition(head);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.commits.flush(); // Appends already accepted are committed, not dropped.
    this.closed = true;
    this.notifier.wakeAll();
    this.db.close();
  }

  private async readPage(after: GlobalPosition | undefined, prefixes: readonly string[] | undefined, limit: number): Promise<RecordedEvent[]> {
    const afterNumber = after === undefined ? 0 : Number(after);
    let rows: EventRow[];
    if (!prefixes || prefixes.length === 0) {
      rows = this.statements.readAll.all(afterNumber, limit);
    } else {
      const statement = this.prefixStatements.get(prefixes.length) ?? prepareReadAllWithPrefixes(this.db, prefixes.length);
      this.prefixStatements.set(prefixes.length, statement);
      rows = statement.all(afterNumber, ...prefixes.flatMap((prefix) => [prefix.length, prefix]), limit);
    }
    return rows.map((row) => rowToEvent(row, this.options.upcasters));
  }

  private writeAppend({ streamId, events, expected }: PendingAppend): AppendResult {
    const { tip, idsAt, positionAt, insert } = this.statements;
    const last = tip.get(streamId);
    const ids = events.map((event) => event.eventId);
    const outcome = checkExpectation(streamId, expected, last?.revision, ids, (from, count) => idsAt.all(streamId, from, from + count));
    if (outcome.kind === 'replay') {
      return { streamId, revision: outcome.lastRevision, position: globalPosition(positionAt.get(streamId, outcome.lastRevision) ?? 0), eventIds: ids };
    }
    const streamTip = last && { revision: last.revision, hash: last.hash, recordedAt: last.recorded_at };
    let position = 0;
    for (const event of recordNewEvents(streamId, events, streamTip, this.now())) {
      const { metadata } = event;
      const row = [streamId, event.revision, event.eventId, event.type, metadata.schemaVersion, JSON.stringify(event.data), JSON.stringify(metadata), metadata.recordedAt, metadata.hash];
      position = Number(insertRow(insert, row, event.eventId).lastInsertRowid);
    }
    return { streamId, revision: streamRevisionOf(last?.revision, events.length), position: globalPosition(position), eventIds: ids };
  }
}

/**
 * Inserts one event. The UNIQUE index on event_id is the check that an id is not stored elsewhere
 * (cheaper than a lookup per event); the savepoint around the append undoes its earlier rows.
 */
const insertRow = (insert: Database.Statement, row: unknown[], eventId: string): Database.RunResult => {
  try {
    return insert.run(...row);
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('event_id')) {
      throw new EventStoreRequestRejected('INVALID_EVENT', `Event id already stored elsewhere: ${eventId}`);
    }
    throw error;
  }
};

const streamRevisionOf = (lastRevision: number | undefined, appended: number) => ((lastRevision ?? -1) + appended) as AppendResult['revision'];

/** Opens the embedded store: a file path, or `${dataDir}/events.sqlite` (the folder is created). */
export const openSqliteEventStore = (location: { dataDir: string } | { file: string }, options: SqliteEventStoreOptions = {}): SqliteEventStore => {
  let file: string;
  if ('file' in location) {
    file = location.file;
  } else {
    mkdirSync(location.dataDir, { recursive: true });
    file = join(location.dataDir, 'events.sqlite');
  }
  return new SqliteEventStore(openEventsDatabase(file), options);
};
