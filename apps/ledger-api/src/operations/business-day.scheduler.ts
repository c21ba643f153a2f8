import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LedgerBusinessDate, RunBusinessDay } from '@ledger/application';
import { compareDates } from '@ledger/domain';
import { LEDGER_LOGGER, LedgerLogger } from '../logging/ledger-logger';
import { SERVICING_OPTIONS, ServicingOptions } from './servicing.options';

const TICK_MS = 60_000;

/**
 * Runs the daily cycle by itself (api.md, "Operations"): at start and then every minute, when
 * today's date in LEDGER_TIME_ZONE has no completed cycle yet, it runs the cycle up to today
 * (catching up any missed dates). The timer is unref'd, so it never keeps the process alive.
 */
@Injectable()
export class BusinessDayScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly commands: CommandBus,
    private readonly businessDate: LedgerBusinessDate,
    @Inject(SERVICING_OPTIONS) private readonly options: ServicingOptions,
    @Inject(LEDGER_LOGGER) private readonly logger: LedgerLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.scheduler) return;
    // Pins a new ledger's start date now, rather than at its first command.
    await this.businessDate.status();
    void this.tick();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One check; overlapping ticks share the run in progress. */
  tick(): Promise<void> {
    this.running ??= this.runIfDue().finally(() => (this.running = null));
    return this.running;
  }

  private async runIfDue(): Promise<void> {
    try {
      const [status, today] = await Promise.all([this.businessDate.status(), this.businessDate.today()]);
      const done = status.lastCompleted !== null && compareDates(status.lastCompleted.date, today) >= 0;
      if (done) return;
      await this.commands.execute(new RunBusinessDay(today, 'scheduler'));
    } catch (error) {
      // The next tick tries again; a failure here must not crash the service.
      this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'scheduled business day failed');
    }
  }
}
