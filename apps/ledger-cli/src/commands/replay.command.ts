import { Command } from 'commander';
import { explainBalance, replayStream } from '@ledger/application';
import { BusinessDate } from '@ledger/domain';
import { CliIo, EXIT, ExitCode, printJson, processIo, runCommand } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';

export interface ReplayOptions {
  asOf?: string;
  explain?: boolean;
  json?: boolean;
}

/** `ledger replay <streamId>`: the stream's state as of an instant, optionally with the balance explained. */
export async function replayCommand(stores: LedgerStores, streamId: string, options: ReplayOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    const replayed = await replayStream(stores.eventStore, streamId, { asOf: options.asOf });
    const explanation = options.explain ? await explain(stores, streamId, replayed.asOf) : undefined;
    if (options.json) {
      printJson(io, explanation ? { ...replayed, explanation } : replayed);
      return EXIT.OK;
    }
    io.out(`${streamId} as of ${replayed.asOf ?? 'now'}: ${replayed.events.length} events, revision ${replayed.revision ?? '-'}`);
    for (const event of replayed.events) io.out(`  ${String(event.revision).padStart(4)}  ${event.recordedAt}  ${event.type}  ${event.eventId}`);
    io.out(JSON.stringify(replayed.state, null, 2));
    if (explanation) {
      for (const [name, figure] of [['principal', explanation.principal], ['accrued interest', explanation.accruedInterest], ['fees', explanation.fees]] as const) {
        io.out(`${name}: ${figure.figure}${figure.consistent ? '' : '  (DOES NOT MATCH THE FOLD)'}`);
        for (const contribution of figure.contributions) io.out(`  ${contribution.because}  [${contribution.eventId}]`);
      }
      io.out(`amount due: ${explanation.amountDue.figure} = ${explanation.amountDue.formula}`);
    }
    return EXIT.OK;
  });
}

/** Explains the balance of the events replayed, on the business date of the as-of instant (UTC) or today. */
async function explain(stores: LedgerStores, streamId: string, asOf: string | null) {
  const events = await stores.eventStore.readStream(streamId, asOf === null ? {} : { recordedAtOrBefore: asOf });
  const on = (asOf ?? new Date().toISOString()).slice(0, 10) as BusinessDate;
  return explainBalance(events, on);
}

export function registerReplayCommand(program: Command, io: CliIo = processIo, open: () => LedgerStores = openLedger): void {
  program
    .command('replay')
    .description("Rebuild a loan's or customer's state by folding its stream, as of an instant")
    .argument('<streamId>', 'loan-<accountNumber> or customer-<customerId>')
    .option('--as-of <instant>', 'ISO-8601 instant (e.g. 2026-03-01T14:05:00Z): only events recorded by then')
    .option('--explain', 'for a loan: each balance figure with the events and rules behind it')
    .option('--json', 'machine-readable output')
    .action(async (streamId: string, options: ReplayOptions) => {
      const stores = open();
      process.exitCode = await replayCommand(stores, streamId, options, io).finally(() => stores.close());
    });
}
