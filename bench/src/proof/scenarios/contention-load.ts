import { performance } from 'node:perf_hooks';
import { EventStore } from '@ledger/event-store';
import { LedgerClient, Reply } from '../client';
import { LatencySummary, summarize } from '../latency';
import { openLoan } from '../ledger-setup';

export interface ContentionReport {
  clients: number;
  seconds: number;
  acknowledged: number;
  /** HTTP attempts, including the client's same-key retries and deliberate duplicate sends. */
  attempts: number;
  retries: number;
  /** Final answers of 409 (the server's own conflict retries exhausted) or 412. */
  conflicts: number;
  serverErrors: number;
  lostUpdates: number;
  duplicateEffects: number;
  commandsPerSecond: number;
  latency: LatencySummary;
}

/**
 * `clients` loops on ONE loan for `durationMs`, alternating a 1.00 MAIL payment (settles at
 * once) and a 1.00 fee, each with its own key; every 10th command is sent a second time with the
 * same key, as a client that lost the first answer would. Afterwards every acknowledged payment
 * and fee must be in the stream exactly once.
 */
export async function runContentionLoad(
  writer: LedgerClient,
  store: EventStore,
  accountNumber: string,
  businessDate: string,
  clients: number,
  durationMs: number,
): Promise<ContentionReport> {
  await openLoan(writer, `C-${accountNumber}`, accountNumber, businessDate, '500000.00');
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  const totals = { attempts: 0, conflicts: 0, serverErrors: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  const record = (reply: Reply, latencyMs: number, id: string) => {
    totals.attempts += reply.attempts;
    if (reply.status >= 500) totals.serverErrors += 1;
    else if (reply.status === 409 || reply.status === 412) totals.conflicts += 1;
    else if (reply.status < 300) {
      acknowledged.push(id);
      latencies.push(latencyMs);
    }
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let sequence = 0; performance.now() < deadline; sequence += 1) {
        const id = `c${client}-${sequence}`;
        const spec =
          sequence % 2 === 0
            ? {
                method: 'POST',
                path: `/v1/loans/${accountNumber}/external-payments`,
                body: { paymentId: `pay-${id}`, channel: 'MAIL', amount: '1.00', receivedOn: businessDate },
                idempotencyKey: `load-${accountNumber}-${id}`,
              }
            : {
                method: 'POST',
                path: `/v1/loans/${accountNumber}/fees`,
                body: { feeId: `fee-${id}`, amount: '1.00', reason: 'load' },
                idempotencyKey: `load-${accountNumber}-${id}`,
              };
        const sent = performance.now();
        const reply = await writer.command(spec);
        record(reply, performance.now() - sent, sequence % 2 === 0 ? `pay-${id}` : `fee-${id}`);
        if (sequence % 10 === 9) totals.attempts += (await writer.command(spec)).attempts;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const effects = new Map<string, number>();
  for (const event of await store.readStream(`loan-${accountNumber}`)) {
    const id =
      event.type === 'PaymentSettled'
        ? event.data.paymentId
        : event.type === 'FeeCharged' && event.data.kind === 'OTHER'
          ? event.data.feeId
          : undefined;
    if (typeof id === 'string') effects.set(id, (effects.get(id) ?? 0) + 1);
  }
  return {
    clients,
    seconds,
    acknowledged: acknowledged.length,
    attempts: totals.attempts,
    retries: totals.attempts - acknowledged.length - totals.conflicts - totals.serverErrors,
    conflicts: totals.conflicts,
    serverErrors: totals.serverErrors,
    lostUpdates: acknowledged.filter((id) => !effects.has(id)).length,
    duplicateEffects: [...effects.values()].filter((count) => count > 1).length,
    commandsPerSecond: acknowledged.length / seconds,
    latency: summarize(latencies),
  };
}
