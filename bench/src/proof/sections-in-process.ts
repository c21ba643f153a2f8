import { scanDataDir, scanLines } from './canary-scan';
import { hostileCorpus } from './hostile-corpus';
import { runHostileCase, seedHostileFixture } from './hostile-runner';
import { startInProcessLedger } from './in-process-ledger';
import { checkAllInvariants } from './invariants';
import { Figure, judged, ms, reported } from './proof-report';
import { ProofOptions } from './proof-options';
import { CANARIES, writeCanaries } from './scenarios/canary';
import { runContentionLoad } from './scenarios/contention-load';
import { runPoisonEvent } from './scenarios/poison-event';
import { racePayoffs, raceSettlements } from './scenarios/racing-commands';
import { simulatePortfolio } from './simulation/portfolio-simulation';

const TODAY = '2026-01-05';

export async function hostileSection(): Promise<Figure[]> {
  const ledger = await startInProcessLedger();
  try {
    await seedHostileFixture(ledger.client('writer'));
    const head = await ledger.store.headPosition();
    const corpus = hostileCorpus();
    const failed: string[] = [];
    let serverErrors = 0;
    for (const hostile of corpus) {
      const outcome = await runHostileCase((key) => ledger.client(key), hostile);
      if (outcome.status >= 500) serverErrors += 1;
      if (outcome.failures.length > 0) failed.push(`${hostile.name}: ${outcome.failures.join('; ')}`);
    }
    const headAfter = await ledger.store.headPosition();
    failed.forEach((failure) => console.log(`      ${failure.slice(0, 240)}`));
    return [
      judged('hostile cases', corpus.length, '>= 200', corpus.length >= 200),
      judged(
        'cases answered exactly (status, problem+json, field)',
        `${corpus.length - failed.length}/${corpus.length}`,
        'all',
        failed.length === 0,
      ),
      judged('server errors', serverErrors, '0', serverErrors === 0),
      judged('event store head unchanged', `${head} -> ${headAfter}`, 'unchanged', head === headAfter),
    ];
  } finally {
    await ledger.close();
  }
}

export async function canarySection(): Promise<Figure[]> {
  const ledger = await startInProcessLedger();
  try {
    await writeCanaries(ledger.client('writer'));
    await ledger.caughtUp();
    const events = JSON.stringify(await ledger.store.readAll({}));
    await ledger.close(true);
    const sightings = [
      ...scanDataDir(ledger.dataDir, CANARIES),
      ...scanLines(ledger.logLines, CANARIES),
      ...CANARIES.filter((canary) => events.includes(canary)).map((canary) => ({ canary, where: 'events' })),
    ];
    sightings.forEach((sighting) => console.log(`      ${sighting.canary} in ${sighting.where}`));
    return [
      judged(
        'canary sightings (events, read models, idempotency records, logs)',
        sightings.length,
        '0',
        sightings.length === 0,
      ),
    ];
  } finally {
    await ledger.close();
  }
}

export async function concurrencySection(options: ProofOptions): Promise<Figure[]> {
  const ledger = await startInProcessLedger();
  try {
    const settles = await raceSettlements(ledger.client('writer'), ledger.store, '20000001', TODAY, 50);
    const payoffs = await racePayoffs(
      ledger.client('writer'),
      ledger.client('reader'),
      ledger.store,
      '20000002',
      TODAY,
      32,
    );
    const figures: Figure[] = [
      judged(
        '50 concurrent settles of one payment: settlements',
        settles.settlements,
        '1',
        settles.settlements === 1 && settles.serverErrors === 0,
      ),
      reported('50 concurrent settles: answers', JSON.stringify(settles.answers)),
      judged(
        '32 concurrent full payoffs: LoanPaidOff events',
        payoffs.paidOff,
        '1',
        payoffs.paidOff === 1 && payoffs.serverErrors === 0,
      ),
      judged(
        '32 concurrent full payoffs: later ones wholly refund due',
        `${payoffs.wholeOverpayments}/31`,
        '31/31',
        payoffs.wholeOverpayments === 31,
      ),
    ];
    for (const [index, clients] of options.contentionClients.entries()) {
      const report = await runContentionLoad(
        ledger.client('writer'),
        ledger.store,
        String(20_000_010 + index),
        TODAY,
        clients,
        options.contentionSeconds * 1000,
      );
      figures.push(
        judged(
          `N=${clients}: lost updates / duplicate effects / 5xx`,
          `${report.lostUpdates} / ${report.duplicateEffects} / ${report.serverErrors}`,
          '0 / 0 / 0',
          report.lostUpdates + report.duplicateEffects + report.serverErrors === 0 && report.acknowledged > 0,
        ),
        reported(
          `N=${clients}: acknowledged, attempts, retries, conflicts`,
          `${report.acknowledged}, ${report.attempts}, ${report.retries}, ${report.conflicts}`,
        ),
        reported(
          `N=${clients}: commands/s, p50, p99`,
          `${report.commandsPerSecond.toFixed(0)}/s, ${ms(report.latency.p50)}, ${ms(report.latency.p99)}`,
        ),
      );
    }
    await ledger.caughtUp(120_000);
    const invariants = await checkAllInvariants(ledger.store, ledger.readSide);
    figures.push(
      judged(
        'invariants after the concurrency runs',
        invariants.violations.length,
        '0 violations',
        invariants.violations.length === 0,
      ),
    );
    return figures;
  } finally {
    await ledger.close();
  }
}

export async function poisonAndSimulationSection(options: ProofOptions): Promise<Figure[]> {
  const poison = await runPoisonEvent();
  const failedSeeds: number[] = [];
  const notReplayed: number[] = [];
  let faults = 0;
  for (let seed = 1; seed <= options.simulationSeeds; seed += 1) {
    const portfolio = { seed: seed * 7_919, loans: 4, clients: 4, stepsPerClient: 25, faultRate: 0.1 };
    const first = await simulatePortfolio(portfolio);
    faults += first.faults.before + first.faults.after;
    if (first.violations.length > 0) failedSeeds.push(portfolio.seed);
    if (seed % 10 === 0 && (await simulatePortfolio(portfolio)).digest !== first.digest)
      notReplayed.push(portfolio.seed);
  }
  return [
    judged(
      'poison event stops only its projection',
      `${poison.poisonedState}, checkpoint ${poison.poisonedCheckpoint} < poison ${poison.poisonPosition}`,
      'failed, others at head',
      poison.poisonedState === 'failed',
    ),
    judged(
      `simulation seeds with a violation (of ${options.simulationSeeds}, ${faults} faults injected)`,
      failedSeeds.length === 0 ? 0 : failedSeeds.join(','),
      '0',
      failedSeeds.length === 0,
    ),
    judged(
      'simulation seeds not replaying exactly (every 10th seed run twice)',
      notReplayed.length,
      '0',
      notReplayed.length === 0,
    ),
  ];
}
