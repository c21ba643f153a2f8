import { startInProcessLedger, InProcessLedger } from '../../bench/src/proof/in-process-ledger';
import { hostileCorpus, runHostileCase, seedHostileFixture } from './hostile-corpus';

const corpus = hostileCorpus();

describe('the hostile-input corpus against the whole API', () => {
  let ledger: InProcessLedger;
  let head: string | null;

  beforeAll(async () => {
    ledger = await startInProcessLedger();
    await seedHostileFixture(ledger.client('writer'));
    head = await ledger.store.headPosition();
  });
  afterAll(() => ledger.close());

  it('holds at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it.each(corpus.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile) => {
    const outcome = await runHostileCase((key) => ledger.client(key), hostile);
    expect(outcome.failures).toEqual([]);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('logged no server error', () => {
    expect(ledger.logLines.filter((line) => /"status":5[0-9][0-9]/.test(line))).toEqual([]);
  });
});
