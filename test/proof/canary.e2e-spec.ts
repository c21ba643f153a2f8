import { InProcessLedger, startInProcessLedger } from '../../bench/src/proof/in-process-ledger';
import { scanDataDir, scanLines } from '../../bench/src/proof/canary-scan';
import { VIN } from '../../bench/src/proof/ledger-setup';
import { CANARIES, writeCanaries } from '../../bench/src/proof/scenarios/canary';

describe('a bank account number and an SSN written through the API', () => {
  let ledger: InProcessLedger;
  let statuses: number[];
  let events: string;

  beforeAll(async () => {
    ledger = await startInProcessLedger();
    statuses = await writeCanaries(ledger.client('writer'));
    await ledger.caughtUp();
    events = JSON.stringify(await ledger.store.readAll({}));
    await ledger.close(true);
  });
  afterAll(() => ledger.close());

  it('were accepted where valid and refused where not, never with a server error', () => {
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
  });

  it('appear in no event', () => {
    expect(CANARIES.filter((canary) => events.includes(canary))).toEqual([]);
  });

  it('scans files that hold what was written (the VIN or the loan number is found in the stores and the log file)', () => {
    const files = scanDataDir(ledger.dataDir, [VIN, '30000001']).map((sighting) =>
      sighting.where.replace(/ @.*/, '').replace(/.*\//, ''),
    );
    expect(files).toEqual(expect.arrayContaining(['events.sqlite', 'read-models.sqlite', 'ledger.log']));
  });

  it('appear in no file of the data dir: event store, read models, idempotency records, logs', () => {
    expect(scanDataDir(ledger.dataDir, CANARIES)).toEqual([]);
  });

  it('appear in no log line', () => {
    expect(scanLines(ledger.logLines, CANARIES)).toEqual([]);
  });
});
