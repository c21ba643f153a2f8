import { Command } from 'commander';
import {
  LedgerBusinessDate, ReadStoreServicingCalendar, RunBusinessDay, RunBusinessDayHandler, RunBusinessDayResult,
} from '@ledger/application';
import { LedgerConfig } from '@ledger/config';
import { Instant, parseBusinessDate } from '@ledger/domain';
import { openEventStore } from '@ledger/event-store';
import { openReadStore, Projector, servicingCalendarProjection, silentLogger } from '@ledger/read-models';
import { CliIo, EXIT, ExitCode, printJson, processIo, runCommand } from '../cli-io';
import { loadAuditConfig } from '../open-ledger';

export interface BusinessDayOptions {
  json?: boolean;
}

/**
 * `ledger business-day <date>`: the daily cycle, as the service runs it, on the service's stores
 * (LEDGER_EVENT_STORE_URL, LEDGER_READ_STORE_URL, LEDGER_DATA_DIR, LEDGER_TIME_ZONE). It projects
 * the servicing calendar itself, on the projection's shared checkpoint (compare-and-set keeps a
 * running service's projector and this one from stepping on each other), so it works whether or
 * not the service runs.
 */
export async function businessDayCommand(config: LedgerConfig, date: string, options: BusinessDayOptions, io: CliIo): Promise<ExitCode> {
  return runCommand(io, async () => {
    const target = parseBusinessDate(date, 'date');
    const eventStore = openEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
    const storage = await openReadStore({ readStoreUrl: config.readStoreUrl, dataDir: config.dataDir });
    const projector = new Projector({
      eventStore, readStore: storage.readStore, checkpoints: storage.checkpoints, projections: [servicingCalendarProjection], logger: silentLogger,
    });
    try {
      await projector.start();
      const clock = { now: () => new Date().toISOString() as Instant };
      const businessDate = new LedgerBusinessDate(eventStore, clock, config.timeZone);
      const handler = new RunBusinessDayHandler(eventStore, businessDate, new ReadStoreServicingCalendar(storage.readStore), projector, {
        logger: { info: () => undefined, error: (fields, message) => io.err(`${message} ${JSON.stringify(fields)}`) },
      });
      const result = await handler.execute(new RunBusinessDay(target, 'cli'));
      if (options.json) printJson(io, result);
      else printReport(io, result);
      return result.days.some((day) => day.failures.length > 0) ? EXIT.FAILED : EXIT.OK;
    } finally {
      await projector.stop();
      await storage.close();
      await eventStore.close();
    }
  });
}

function printReport(io: CliIo, result: RunBusinessDayResult): void {
  io.out(`business date: ${result.businessDate}`);
  io.out('date        loans  events  statements  drafts  skipped  reminders  submitted  late-fees  failures');
  for (const day of result.days) {
    const cells = [day.loansServiced, day.eventsWritten, day.statementsIssued, day.draftsScheduled, day.draftsSkipped, day.remindersSent, day.paymentsSubmitted, day.lateFeesCharged, day.failures.length];
    const widths = [5, 6, 10, 6, 7, 9, 9, 9, 8];
    io.out(`${day.date}  ${cells.map((cell, index) => String(cell).padStart(widths[index])).join('  ')}${day.alreadyCompleted ? '  (already completed)' : ''}`);
    for (const failure of day.failures) io.out(`  failed: loan ${failure.accountNumber}: ${failure.reason}`);
  }
}

export function registerBusinessDayCommand(program: Command, io: CliIo = processIo, config: () => LedgerConfig = loadAuditConfig): void {
  program
    .command('business-day')
    .description('Run the daily cycle up to a date (every missed date first), as the service does')
    .argument('<date>', 'YYYY-MM-DD; not before the business date, not after today in LEDGER_TIME_ZONE')
    .option('--json', 'machine-readable output')
    .action(async (date: string, options: BusinessDayOptions) => {
      process.exitCode = await businessDayCommand(config(), date, options, io);
    });
}
