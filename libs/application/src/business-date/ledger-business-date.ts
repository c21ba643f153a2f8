import { BusinessDate, Instant, compareDates, ruleViolated } from '@ledger/domain';
import {
  EventStore,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
  StreamRevisionConflict,
  streamRevision,
} from '@ledger/event-store';
import { uuidV5 } from '../event-ids';
import { BusinessDateProvider, InstantSource } from './business-date.port';
import {
  BUSINESS_DAY_EVENT_SCHEMA_VERSION,
  BUSINESS_DAYS_STREAM,
  BusinessDayCompletedData,
  BusinessDayEvent,
} from './business-days.events';
import { ClockBusinessDate } from './clock-business-date';

/** Where the ledger stands: its business date, the last completed cycle and the stream's revision. */
export interface BusinessDateStatus {
  businessDate: BusinessDate;
  lastCompleted: BusinessDayCompletedData | null;
  /** The operations stream's last revision: the expectation of the next append. */
  revision: number;
}

const PAGE = 100;

/**
 * The ledger's business date, kept as events in the `ledger-business-days` stream
 * (api.md, "Operations"). A new ledger starts at today's date in LEDGER_TIME_ZONE; after that the
 * date is the last completed daily cycle's, and it only moves forward: every advance is appended
 * with the exact expected revision, and a date not after the current one is refused.
 */
export class LedgerBusinessDate implements BusinessDateProvider {
  private readonly zoneDate: ClockBusinessDate;
  private cached: { head: GlobalPosition; status: BusinessDateStatus } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly clock: InstantSource,
    readonly timeZone: string,
  ) {
    this.zoneDate = new ClockBusinessDate(clock, timeZone);
  }

  async currentBusinessDate(): Promise<BusinessDate> {
    return (await this.status()).businessDate;
  }

  /** Today's calendar date in the ledger's time zone, read from the clock (the border, not the domain). */
  today(): Promise<BusinessDate> {
    return this.zoneDate.currentBusinessDate();
  }

  /** The instant now, from the same clock as the zone's date. */
  clockNow(): Instant {
    return this.clock.now();
  }

  /**
   * The current status; an empty ledger is started at today's date first. Every command and query
   * asks for it, and it changes once a day: a status read while the log's head stood at H is kept
   * until the head moves (any append, this stream's included), so the answer stays exact while
   * a query-heavy load reads the head (one indexed lookup) instead of the stream.
   */
  async status(): Promise<BusinessDateStatus> {
    const head = await this.store.headPosition();
    if (head !== null && this.cached?.head === head) return this.cached.status;
    const [last] = await this.store.readStream(BUSINESS_DAYS_STREAM, { direction: 'backwards', limit: 1 });
    if (last) {
      const status = statusOf(last);
      // Read after the head: the status is at least as new as H, never older.
      if (head !== null) this.cached = { head, status };
      return status;
    }
    await this.start();
    return this.status();
  }

  /**
   * Records a completed day. The expected revision makes two concurrent runs of a day conflict:
   * the loser gets StreamRevisionConflict and answers with the winner's result.
   */
  async complete(day: BusinessDayCompletedData, expectedRevision: number, actor: string): Promise<void> {
    const current = await this.status();
    const order = compareDates(day.date, current.businessDate);
    if (order < 0 || (order === 0 && current.lastCompleted !== null)) {
      throw ruleViolated(
        'BUSINESS_DATE_IN_PAST',
        `The business date is ${current.businessDate}; it never goes back to ${day.date}`,
      );
    }
    await this.store.append(
      BUSINESS_DAYS_STREAM,
      [this.newEvent({ type: 'BusinessDayCompleted', data: day }, actor)],
      streamRevision(expectedRevision),
    );
  }

  /** The record of a completed date, or null when that date's cycle has not completed. */
  async completedOn(date: BusinessDate): Promise<BusinessDayCompletedData | null> {
    // Newest first: the dates asked about are almost always the last few.
    let fromRevision: number | undefined;
    for (;;) {
      const page = await this.store.readStream(BUSINESS_DAYS_STREAM, {
        direction: 'backwards',
        limit: PAGE,
        ...(fromRevision === undefined ? {} : { fromRevision: streamRevision(fromRevision) }),
      });
      for (const event of page) {
        const completed = completedData(event);
        if (completed?.date === date) return completed;
        if (completed && compareDates(completed.date, date) < 0) return null;
      }
      const oldest = page[page.length - 1];
      if (page.length < PAGE || !oldest || oldest.revision === 0) return null;
      fromRevision = oldest.revision - 1;
    }
  }

  private async start(): Promise<void> {
    const date = await this.today();
    const started: BusinessDayEvent = {
      type: 'BusinessDateStarted',
      data: { date, startedAt: this.clock.now() },
    };
    try {
      await this.store.append(BUSINESS_DAYS_STREAM, [this.newEvent(started, 'ledger')], 'no_stream');
    } catch (error) {
      // Another process started the ledger first: its date stands.
      if (!(error instanceof StreamRevisionConflict)) throw error;
    }
  }

  private newEvent(event: BusinessDayEvent, actor: string): NewEvent {
    // Ids derive from the date, so a retry after a crash between append and answer writes nothing twice.
    const eventId = uuidV5(`${BUSINESS_DAYS_STREAM}\u0000${event.type}\u0000${event.data.date}`);
    const occurredAt = this.clock.now();
    return {
      eventId,
      type: event.type,
      data: { ...event.data },
      metadata: {
        schemaVersion: BUSINESS_DAY_EVENT_SCHEMA_VERSION,
        occurredAt,
        correlationId: eventId,
        causationId: eventId,
        actor,
      },
    };
  }
}

const completedData = (event: RecordedEvent): BusinessDayCompletedData | null =>
  event.type === 'BusinessDayCompleted' ? (event.data as unknown as BusinessDayCompletedData) : null;

function statusOf(last: RecordedEvent): BusinessDateStatus {
  const lastCompleted = completedData(last);
  const businessDate = (last.data as { date: BusinessDate }).date;
  return { businessDate, lastCompleted, revision: last.revision };
}
