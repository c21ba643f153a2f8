import { existsSync, rmSync } from 'node:fs';
import { runPoisonEvent } from '../../bench/src/proof/scenarios/poison-event';
import { runProjectorRedelivery } from '../../bench/src/proof/scenarios/projector-redelivery';
import { describeViolations } from './invariants';
import { builtEntry, newDataDir } from './server-process';

const built = existsSync(builtEntry('ledger-api')) && existsSync(builtEntry('projector'));
const describeBuilt = built ? describe : describe.skip;

describeBuilt('the projector down while events are appended, then redelivered', () => {
  const dataDir = newDataDir('ledger-proof-redeliver-');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('catches up, and redelivering the last 100 events twice changes no read model and sends nothing twice', async () => {
    const report = await runProjectorRedelivery(dataDir, 1_000, 100, 2);
    expect(report.eventsWhileDown).toBeGreaterThanOrEqual(1_000);
    expect(report.checkpointsRewound).toBeGreaterThanOrEqual(2 * 8);
    process.stdout.write(
      `redelivery: ${JSON.stringify({ ...report, violations: report.violations.length, changedReadModels: report.changedReadModels.length })}\n`,
    );
    expect(report).toMatchObject({ changedReadModels: [], notificationsSentTwice: 0 });
    expect(describeViolations(report.violations)).toBe('');
  }, 120_000);
});

describe('a poison event', () => {
  it('stops only the projection it poisons', async () => {
    const report = await runPoisonEvent();
    expect(report.poisonedState).toBe('failed');
    expect(BigInt(report.poisonedCheckpoint ?? '0')).toBeLessThan(BigInt(report.poisonPosition ?? '0'));
  });
});
