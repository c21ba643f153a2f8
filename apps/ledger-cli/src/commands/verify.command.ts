import { Command } from 'commander';
import { ProjectionVerification, verifyProjection } from '@ledger/read-models';
import { CliIo, EXIT, ExitCode, printJson, processIo, runCommand } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';
import { progressBar } from '../progress';
import { chooseProjections } from './projection-choice';

export interface VerifyOptions {
  all?: boolean;
  json?: boolean;
}

/** `ledger verify`: rebuild each projection from the log in memory and diff it with the read store; exit 1 on any difference. */
export async function verifyCommand(stores: LedgerStores, name: string | undefined, options: VerifyOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    const projections = chooseProjections(name, options.all);
    const storage = await stores.readModels();
    const reports: ProjectionVerification[] = [];
    for (const projection of projections) {
      const progress = progressBar(io, `verify ${projection.name}`);
      reports.push(
        await verifyProjection(stores.eventStore, storage, projection, {
          onProgress: ({ position, target }) => progress.update(Number(position ?? 0), target === null ? 0 : Number(target)),
        }),
      );
      progress.stop();
    }
    if (options.json) printJson(io, reports);
    else reports.forEach((report) => printReport(io, report));
    return reports.every((report) => report.ok) ? EXIT.OK : EXIT.VERIFICATION_FAILED;
  });
}

function printReport(io: CliIo, report: ProjectionVerification): void {
  const verdict = report.ok ? 'OK' : `DIFFERS (${report.discrepancies.length}${report.truncated ? '+' : ''} documents)`;
  io.out(
    `${report.projection} v${report.version}: ${verdict} — ${report.documentsCompared} documents compared up to position ${report.verifiedUpTo ?? '-'}` +
      ` (log head ${report.headPosition ?? '-'}, ${report.eventsFolded} events folded${report.documentsSkipped ? `, ${report.documentsSkipped} skipped as newer` : ''})`,
  );
  for (const discrepancy of report.discrepancies) {
    io.out(`  ${discrepancy.kind} ${discrepancy.collection}/${discrepancy.id}`);
    for (const difference of discrepancy.kind === 'CHANGED' ? discrepancy.differences : []) {
      io.out(`    ${difference.path}: expected ${JSON.stringify(difference.expected)}, found ${JSON.stringify(difference.actual)}`);
    }
  }
}

export function registerVerifyCommand(program: Command, io: CliIo = processIo, open: () => LedgerStores = openLedger): void {
  program
    .command('verify')
    .description('Rebuild a read model from the log in memory and report every document that differs (exit 1 if any)')
    .argument('[projection]', 'a projection name, e.g. loan-balance')
    .option('--all', 'every projection')
    .option('--json', 'machine-readable output')
    .action(async (name: string | undefined, options: VerifyOptions) => {
      const stores = open();
      process.exitCode = await verifyCommand(stores, name, options, io).finally(() => stores.close());
    });
}
