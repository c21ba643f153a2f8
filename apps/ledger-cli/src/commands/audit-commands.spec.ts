import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historySteps, playHistory } from '../../../../libs/read-models/src/event-views/random-history.fixtures';
import { CliIo, EXIT } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';
import { exportCommand } from './export.command';
import { rebuildCommand } from './rebuild.command';
import { replayCommand } from './replay.command';
import { verifyChainCommand } from './verify-chain.command';
import { verifyCommand } from './verify.command';

/** Captures what a command prints. */
const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), interactive: false };
  return { io, out, err };
};

describe('the auditing commands on an embedded ledger', () => {
  let dataDir: string;
  let stores: LedgerStores;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    stores = openLedger({ dataDir });
    await playHistory(stores.eventStore, fc.sample(historySteps, { numRuns: 1, seed: 5 })[0]);
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays a loan as JSON, and answers 3 for an unknown stream and 2 for a bad instant', async () => {
    const ok = captured();
    expect(await replayCommand(stores, 'loan-10000001', { json: true, explain: true }, ok.io)).toBe(EXIT.OK);
    expect(JSON.parse(ok.out.join('\n'))).toMatchObject({ state: { status: 'Active' }, explanation: { principal: { consistent: true } } });
    const missing = captured();
    expect(await replayCommand(stores, 'loan-55555555', {}, missing.io)).toBe(EXIT.NOT_FOUND);
    expect(missing.err[0]).toMatch(/^error: /);
    expect(await replayCommand(stores, 'loan-10000001', { asOf: 'soon' }, captured().io)).toBe(EXIT.BAD_INPUT);
  });

  it('rebuilds every projection, verifies them clean, then fails naming an altered row', async () => {
    expect(await rebuildCommand(stores, undefined, { all: true }, captured().io)).toBe(EXIT.OK);
    expect(await verifyCommand(stores, undefined, { all: true }, captured().io)).toBe(EXIT.OK);
    expect(await rebuildCommand(stores, 'loan-balance', {}, captured().io)).toBe(EXIT.OK);

    const raw = new Database(join(dataDir, 'read-models.sqlite'));
    raw.prepare(`UPDATE "loan-balance_v1_loans" SET document = json_set(document, '$.principal', '1.00') WHERE id = '10000001'`).run();
    raw.close();
    const failed = captured();
    expect(await verifyCommand(stores, 'loan-balance', {}, failed.io)).toBe(EXIT.VERIFICATION_FAILED);
    expect(failed.out).toEqual(expect.arrayContaining(['  CHANGED loans/10000001', expect.stringMatching(/^ {4}principal: expected "\d+\.\d{2}", found "1\.00"$/)]));
    expect(await verifyCommand(stores, 'nope', {}, captured().io)).toBe(EXIT.NOT_FOUND);
    expect(await verifyCommand(stores, undefined, {}, captured().io)).toBe(EXIT.BAD_INPUT);
  });

  it('exports to a file, and verify-chain fails naming an event edited in the file', async () => {
    const file = join(dataDir, 'export.jsonl');
    expect(await exportCommand(stores, undefined, { all: true, to: file }, captured().io)).toBe(EXIT.OK);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBe(Number(await stores.eventStore.headPosition()));
    expect(await verifyChainCommand(stores, undefined, {}, captured().io)).toBe(EXIT.OK);

    const victim = JSON.parse(lines[1]);
    const raw = new Database(join(dataDir, 'events.sqlite'));
    raw.prepare(`UPDATE events SET data = json_set(data, '$.terms.apr', '0') WHERE event_id = ?`).run(victim.eventId);
    raw.close();
    const broken = captured();
    expect(await verifyChainCommand(stores, undefined, {}, broken.io)).toBe(EXIT.VERIFICATION_FAILED);
    expect(broken.out[0]).toContain(victim.eventId);
  });
});
