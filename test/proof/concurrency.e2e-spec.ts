import { InProcessLedger, startInProcessLedger } from '../../bench/src/proof/in-process-ledger';
import { racePayoffs, raceSettlements } from '../../bench/src/proof/scenarios/racing-commands';
import { runContentionLoad } from '../../bench/src/proof/scenarios/contention-load';
import { checkAllInvariants, describeViolations } from './invariants';

const TODAY = '2026-01-05';

describe('commands racing on one loan', () => {
  let ledger: InProcessLedger;

  beforeAll(async () => {
    ledger = await startInProcessLedger();
  });
  afterAll(() => ledger.close());

  it('settles a payment exactly once when 50 callbacks with distinct keys race', async () => {
    const outcome = await raceSettlements(ledger.client('writer'), ledger.store, '20000001', TODAY, 50);
    expect(outcome.settlements).toBe(1);
    expect(outcome.serverErrors).toBe(0);
    expect(outcome.answers['200']).toBe(1);
    expect(outcome.answers['409 PAYMENT_ALREADY_SETTLED']).toBe(49);
  });

  it('pays a loan off once when 32 clients each send the full payoff; the rest become refunds due', async () => {
    const outcome = await racePayoffs(
      ledger.client('writer'),
      ledger.client('reader'),
      ledger.store,
      '20000002',
      TODAY,
      32,
    );
    expect(outcome.paidOff).toBe(1);
    expect(outcome.settlements).toBe(32);
    expect(outcome.wholeOverpayments).toBe(31);
    expect(outcome.serverErrors).toBe(0);
  });

  it('loses no update and applies none twice with 8 clients paying and charging fees for 3 s', async () => {
    const report = await runContentionLoad(ledger.client('writer'), ledger.store, '20000003', TODAY, 8, 3000);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report).toMatchObject({ lostUpdates: 0, duplicateEffects: 0, serverErrors: 0 });
  });

  it('keeps every invariant afterwards, read models included', async () => {
    await ledger.caughtUp();
    const report = await checkAllInvariants(ledger.store, ledger.readSide);
    expect(describeViolations(report.violations)).toBe('');
  });
});
