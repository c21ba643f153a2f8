import { performance } from 'node:perf_hooks';
import { LedgerClient, RequestSpec } from '../client';
import { LatencySummary, summarize } from '../latency';
import { BANK, openLoan, seededLoanNumber } from '../ledger-setup';

export interface PortfolioLoadReport {
  loans: number;
  clients: number;
  commands: number;
  refused: number;
  serverErrors: number;
  seconds: number;
  commandsPerSecond: number;
  latency: LatencySummary;
  /** Read-your-writes delay of sampled commands: a balance query with X-Min-Position of the command. */
  projectionLag: LatencySummary;
  /** From the last acknowledged command until the projections reflect it. */
  catchUpMs: number;
  lastPosition: string;
}

/** One mixed command on a random loan: external payment, scheduled debit, fee, or a cancel. */
function mixedCommand(
  sequence: number,
  loans: number,
  businessDate: string,
  scheduled: Map<string, string[]>,
): RequestSpec {
  const accountNumber = seededLoanNumber((sequence * 7919) % loans);
  const key = `mix-${sequence}`;
  const roll = sequence % 20;
  if (roll < 9)
    return {
      method: 'POST',
      path: `/v1/loans/${accountNumber}/external-payments`,
      body: { paymentId: `p-${key}`, channel: 'MAIL', amount: '3.00', receivedOn: businessDate },
      idempotencyKey: key,
    };
  if (roll < 15) {
    scheduled.set(accountNumber, [...(scheduled.get(accountNumber) ?? []), `p-${key}`]);
    return {
      method: 'POST',
      path: `/v1/loans/${accountNumber}/payments`,
      body: { paymentId: `p-${key}`, amount: '2.00', scheduledFor: businessDate, fundingSource: BANK },
      idempotencyKey: key,
    };
  }
  const pending = scheduled.get(accountNumber) ?? [];
  if (roll < 17 && pending.length > 0)
    return {
      method: 'POST',
      path: `/v1/loans/${accountNumber}/payments/${pending.shift()}/cancel`,
      idempotencyKey: key,
    };
  return {
    method: 'POST',
    path: `/v1/loans/${accountNumber}/fees`,
    body: { feeId: `f-${key}`, amount: '1.00', reason: 'portfolio' },
    idempotencyKey: key,
  };
}

/**
 * `loans` loans, then `clients` clients sending `commands` mixed commands through HTTP. Every
 * `sampleEvery`-th command is followed by a read-your-writes query, whose latency is the
 * projection lag for that write.
 */
export async function runPortfolioLoad(
  writer: LedgerClient,
  reader: LedgerClient,
  businessDate: string,
  options: { loans: number; clients: number; commands: number; sampleEvery?: number },
): Promise<PortfolioLoadReport> {
  const { loans, clients, commands } = options;
  for (let start = 0; start < loans; start += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, loans - start) }, (_, index) =>
        openLoan(writer, `C-P${start + index}`, seededLoanNumber(start + index), businessDate, '500000.00'),
      ),
    );
  }
  const scheduled = new Map<string, string[]>();
  const latencies: number[] = [];
  const lags: number[] = [];
  const totals = { refused: 0, serverErrors: 0 };
  let next = 0;
  let lastPosition = '0';
  let lastAckAt = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let sequence = next++; sequence < commands; sequence = next++) {
        const reply = await writer.command(mixedCommand(sequence, loans, businessDate, scheduled));
        if (reply.status >= 500) totals.serverErrors += 1;
        else if (reply.status >= 300) totals.refused += 1;
        else {
          latencies.push(reply.latencyMs);
          const position = String((reply.body as Record<string, unknown>).position);
          if (BigInt(position) > BigInt(lastPosition)) lastPosition = position;
          lastAckAt = performance.now();
          if (sequence % (options.sampleEvery ?? 50) === 0) {
            const account = reply.body as Record<string, unknown>;
            const query = await reader.send({
              method: 'GET',
              path: `/v1/loans/${String(account.streamId).replace('loan-', '')}/balance`,
              headers: { 'x-min-position': position },
            });
            if (query.status === 200) lags.push(query.latencyMs);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const catchUpMs = await timeToProject(reader, lastPosition, lastAckAt);
  return {
    loans,
    clients,
    commands,
    ...totals,
    seconds,
    commandsPerSecond: (commands - totals.refused - totals.serverErrors) / seconds,
    latency: summarize(latencies),
    projectionLag: summarize(lags),
    catchUpMs,
    lastPosition,
  };
}

async function timeToProject(reader: LedgerClient, position: string, since: number): Promise<number> {
  for (;;) {
    const reply = await reader.send({ method: 'GET', path: `/v1/loans/${seededLoanNumber(0)}/balance` });
    const projected = reply.headers.get('x-projection-position') ?? '0';
    if (BigInt(projected) >= BigInt(position)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
