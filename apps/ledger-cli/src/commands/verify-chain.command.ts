import { Command } from 'commander';
import { ChainScope, verifyLogChain } from '@ledger/application';
import { CliIo, EXIT, ExitCode, printJson, processIo, runCommand } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';
import { progressBar } from '../progress';

export interface VerifyChainOptions {
  all?: boolean;
  json?: boolean;
}

/** `ledger verify-chain`: recompute every hash link; exit 1 naming the first broken one. */
export async function verifyChainCommand(stores: LedgerStores, streamId: string | undefined, options: VerifyChainOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    // Without a stream id the whole log is checked: --all only makes that explicit.
    const scope: ChainScope = streamId !== undefined ? { streamId } : { all: true };
    const progress = progressBar(io, 'verify-chain');
    const report = await verifyLogChain(stores.eventStore, scope, {
      onProgress: ({ position, head }) => progress.update(Number(position ?? 0), 'all' in scope && head !== null ? Number(head) : null),
    });
    progress.stop();
    if (options.json) printJson(io, report);
    else if (report.ok) io.out(`chain OK: ${report.eventsChecked} events in ${report.streamsChecked} streams`);
    else {
      const at = report.brokenAt;
      io.out(`chain BROKEN (${report.reason}) at ${at?.streamId} revision ${at?.revision}, event ${at?.eventId}${at?.position ? `, position ${at.position}` : ''}`);
    }
    return report.ok ? EXIT.OK : EXIT.VERIFICATION_FAILED;
  });
}

export function registerVerifyChainCommand(program: Command, io: CliIo = processIo, open: () => LedgerStores = openLedger): void {
  program
    .command('verify-chain')
    .description('Prove the log untouched: recompute the hash chain (exit 1 naming the first broken link)')
    .argument('[streamId]', 'one stream; omitted, the whole log')
    .option('--all', 'the whole log (the default)')
    .option('--json', 'machine-readable output')
    .action(async (streamId: string | undefined, options: VerifyChainOptions) => {
      const stores = open();
      process.exitCode = await verifyChainCommand(stores, streamId, options, io).finally(() => stores.close());
    });
}
