import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { someEvents, uniqueStreamId } from '../contract/contract-fixtures';
import { streamRevision } from '../event-envelope';
import { verifyChain } from '../tamper-evidence/verify-chain';
import { openSqliteEventStore } from './sqlite-event-store';

describe('a SQLite log whose stored event was edited behind the store', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'event-store-tamper-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fails verifyChain at exactly the edited event', async () => {
    const streamId = uniqueStreamId('loan');
    const writer = openSqliteEventStore({ dataDir });
    await writer.append(streamId, someEvents(3), 'no_stream');
    await writer.append(streamId, someEvents(2), streamRevision(2));
    const edited = (await writer.readStream(streamId))[3];
    await writer.close();

    const raw = new Database(join(dataDir, 'events.sqlite'));
    raw.prepare(`UPDATE events SET data = json_set(data, '$.amount', '9999.00') WHERE event_id = ?`).run(edited.eventId);
    raw.close();

    const reader = openSqliteEventStore({ dataDir });
    const verification = verifyChain(await reader.readStream(streamId));
    await reader.close();
    expect(verification).toEqual({
      ok: false,
      brokenAt: { streamId, revision: 3, eventId: edited.eventId },
      reason: 'HASH_MISMATCH',
    });
  });
});
