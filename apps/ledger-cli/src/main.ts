#!/usr/bin/env node
import { Command } from 'commander';
import { registerBusinessDayCommand } from './commands/business-day.command';
import { registerExportCommand } from './commands/export.command';
import { registerRebuildCommand } from './commands/rebuild.command';
import { registerReplayCommand } from './commands/replay.command';
import { registerVerifyChainCommand } from './commands/verify-chain.command';
import { registerVerifyCommand } from './commands/verify.command';

/**
 * `ledger`: the operators' and auditors' tool, on the service's own configuration. Each
 * subcommand lives in commands/<name>.command.ts and registers itself with one line here.
 */
const program = new Command('ledger').description('Vehicle-loan ledger: operations and audit').showHelpAfterError();

registerBusinessDayCommand(program);
registerReplayCommand(program);
registerExportCommand(program);
registerVerifyCommand(program);
registerVerifyChainCommand(program);
registerRebuildCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 4;
});
