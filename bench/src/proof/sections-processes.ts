import { rmSync } from 'node:fs';
import { openSqliteEventStore } from '@ledger/event-store';
import { openReadStore } from '@ledger/read-models';
import { LedgerClient } from './client';
import { checkAllInvariants } from './invariants';
import { businessDateOf } from './ledger-setup';
import { percentile } from './latency';
import { Figure, judged, ms, reported } from './proof-report';
import { ProofOptions } from './proof-options';
import { runLedgerKills } from './scenarios/ledger-kills';
import { runPortfolioLoad } from './scenarios/portfolio-load';
import { runProjectorKills } from './scenarios/projector-kills';
import { runProjectorRedelivery } from './scenarios/projector-redelivery';
import { newDataDir, PROOF_KEYS, startServerProcess } from './server-process';

const inDataDir = async <T>(prefix: string, work: (dataDir: string) => Promise<T>): Promise<T> => {
  const dataDir = newDataDir(prefix);
  try {
    return await work(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export const redeliverySection = (options: ProofOptions): Promise<Figure[]> =>
  inDataDir('ledger-proof-redeliver-', async (dataDir) => {
    const report = await runProjectorRedelivery(
      dataDir,
      options.redeliveryEvents,
      options.redeliver,
      options.redeliveries,
    );
    report.changedReadModels.forEach((table) => console.log(`      changed: ${table}`));
    return [
      reported('events appended while the projector was down', report.eventsWhileDown),
      reported('catch-up time after restart', ms(report.catchUpMs)),
      judged(
        `read-model tables changed by ${options.redeliveries} redeliveries of the last ${options.redeliver} events`,
        report.changedReadModels.length,
        '0',
        report.changedReadModels.length === 0 && report.checkpointsRewound > 0,
      ),
      judged(
        `notifications sent twice (of ${report.notificationsSent})`,
        report.notificationsSentTwice,
        '0',
        report.notificationsSentTwice === 0,
      ),
      judged(
        'read models equal a replay afterwards',
        report.violations.length,
        '0 violations',
        report.violations.length === 0,
      ),
    ];
  });

export const portfolioSection = (options: ProofOptions): Promise<Figure[]> =>
  inDataDir('ledger-proof-portfolio-', async (dataDir) => {
    const server = await startServerProcess({ dataDir, env: { LEDGER_LOG_LEVEL: 'warn' } });
    const writer = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.writer });
    const reader = new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.reader });
    let report;
    try {
      const businessDate = await businessDateOf(
        new LedgerClient({ baseUrl: server.baseUrl, apiKey: PROOF_KEYS.operator }),
      );
      report = await runPortfolioLoad(writer, reader, businessDate, {
        loans: options.loans,
        clients: options.loadClients,
        commands: options.commands,
      });
    } finally {
      await server.kill('SIGTERM');
    }
    const store = openSqliteEventStore({ dataDir });
    const storage = await openReadStore({ dataDir });
    const started = Date.now();
    const invariants = await checkAllInvariants(store, storage);
    await storage.close();
    await store.close();
    return [
      reported(
        `${report.commands} mixed commands on ${report.loans} loans by ${report.clients} clients`,
        `${report.commandsPerSecond.toFixed(0)} commands/s over ${report.seconds.toFixed(0)} s (refused by rules ${report.refused})`,
      ),
      judged('server errors', report.serverErrors, '0', report.serverErrors === 0),
      reported('command latency p50 / p99', `${ms(report.latency.p50)} / ${ms(report.latency.p99)}`),
      reported(
        'projection lag (read-your-writes) p50 / p99',
        `${ms(report.projectionLag.p50)} / ${ms(report.projectionLag.p99)} (${report.projectionLag.count} samples)`,
      ),
      reported('catch-up after the last command', ms(report.catchUpMs)),
      judged(
        `invariants over ${invariants.events} events (checked in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
        invariants.violations.length,
        '0 violations',
        invariants.violations.length === 0,
      ),
    ];
  });

export const ledgerKillSection = (options: ProofOptions): Promise<Figure[]> =>
  inDataDir('ledger-proof-kill-', async (dataDir) => {
    const report = await runLedgerKills(dataDir, options.ledgerKills, {
      awaitStaleClaims: options.awaitStaleClaims,
    });
    report.failures.slice(0, 10).forEach((failure) => console.log(`      ${failure}`));
    return [
      reported(
        `SIGKILLs of the API mid-append`,
        `${report.kills} (acknowledged ${report.acknowledged}, retried with the same key ${report.retried})`,
      ),
      judged(
        'integrity_check not ok / unexpected retry answers',
        report.failures.length,
        '0',
        report.failures.length === 0,
      ),
      judged('acknowledged writes lost', report.lostAcknowledged, '0', report.lostAcknowledged === 0),
      judged(
        'payments settled twice after same-key retries',
        report.duplicates,
        '0',
        report.duplicates === 0,
      ),
      reported(
        'retries refused 409 IDEMPOTENCY_KEY_IN_FLIGHT (dead claim, 60 s)',
        `${report.blockedRetries}; ${report.lateRetries} succeeded after the claim went stale`,
      ),
      judged('invariants', report.violations.length, '0 violations', report.violations.length === 0),
      reported(
        'restart time p50 / max',
        `${ms(percentile(report.restartMs, 0.5))} / ${ms(Math.max(...report.restartMs))}`,
      ),
    ];
  });

export const projectorKillSection = (options: ProofOptions): Promise<Figure[]> =>
  inDataDir('ledger-proof-projector-', async (dataDir) => {
    const report = await runProjectorKills(dataDir, options.projectorKills, 20);
    report.failures.slice(0, 10).forEach((failure) => console.log(`      ${failure}`));
    return [
      reported(
        'SIGKILLs of the projector at random points',
        `${report.kills} (${report.eventsAppended} events)`,
      ),
      judged('integrity_check not ok', report.failures.length, '0', report.failures.length === 0),
      judged(
        'read models different from a replay (every 20 kills and at the end)',
        report.violations.length,
        '0',
        report.violations.length === 0,
      ),
      reported(
        'catch-up after restart p50 / p99',
        `${ms(percentile(report.catchUpMs, 0.5))} / ${ms(percentile(report.catchUpMs, 0.99))}`,
      ),
    ];
  });
