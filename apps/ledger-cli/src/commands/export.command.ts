import { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { exportEvents, ExportScope } from '@ledger/application';
import { invalidInput } from '@ledger/domain';
import { CliIo, EXIT, ExitCode, processIo, runCommand } from '../cli-io';
import { LedgerStores, openLedger } from '../open-ledger';
import { progressBar } from '../progress';

export interface ExportOptions {
  all?: boolean;
  fromPosition?: string;
  to?: string;
}

/** `ledger export`: JSON lines, one stored event each with its full metadata, to stdout or a file. */
export async function exportCommand(stores: LedgerStores, streamId: string | undefined, options: ExportOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    const scope = exportScope(streamId, options);
    const progress = progressBar(io, 'export');
    const file = options.to ? createWriteStream(options.to) : undefined;
    const write = async (line: string) => {
      if (!file) return io.out(line);
      if (!file.write(`${line}\n`)) await once(file, 'drain');
    };
    let count = 0;
    for await (const line of exportEvents(stores.eventStore, scope, {
      onProgress: ({ exported, head }) => progress.update(exported, 'all' in scope && head !== null ? Number(head) : null),
    })) {
      await write(line);
      count += 1;
    }
    progress.stop();
    if (file) await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    io.err(`exported ${count} events${options.to ? ` to ${options.to}` : ''}`);
    return EXIT.OK;
  });
}

function exportScope(streamId: string | undefined, options: ExportOptions): ExportScope {
  if ((streamId === undefined) === !options.all) throw invalidInput('USAGE', 'give either a stream id or --all', 'streamId');
  if (options.fromPosition !== undefined && !options.all) throw invalidInput('USAGE', '--from-position needs --all', 'fromPosition');
  return streamId !== undefined ? { streamId } : { all: true, fromPosition: options.fromPosition };
}

export function registerExportCommand(program: Command, io: CliIo = processIo, open: () => LedgerStores = openLedger): void {
  program
    .command('export')
    .description('Write events as JSON lines with their full metadata (ids, recordedAt, hash chain)')
    .argument('[streamId]', 'one stream, e.g. loan-12345678')
    .option('--all', 'the whole log, in global order, up to the head at start')
    .option('--from-position <position>', 'with --all: start at this global position (inclusive)')
    .option('--to <file>', 'write to a file instead of stdout')
    .action(async (streamId: string | undefined, options: ExportOptions) => {
      const stores = open();
      process.exitCode = await exportCommand(stores, streamId, options, io).finally(() => stores.close());
    });
}
