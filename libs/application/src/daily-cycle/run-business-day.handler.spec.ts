import { BusinessDate, Instant, LoanCommand, loanDecider, loanStreamId, parseAccountNumber } from '@ledger/domain';
import { InMemoryEventStore } from '@ledger/event-store';
import { openLoan } from '../../../domain/src/loan/testing/loan-fixtures';
import { BUSINESS_DAYS_STREAM } from '../business-date/business-days.events';
import { LedgerBusinessDate } from '../business-date/ledger-business-date';
import { handleCommand } from '../handle-command';
import { LOAN_STREAM } from '../loans/loan-streams';
import { RunBusinessDay } from './run-business-day.command';
import { RunBusinessDayHandler } from './run-business-day.handler';
import { ServicingCalendar } from './servicing-calendar.port';

const ACCOUNT = '12345678901';
const OTHER = '22345678901';

/** A ledger opened on 2026-01-10 (UTC) with loans due on the 24th, first statement 2026-02-03. */
function ledger() {
  let now = '2026-01-10T12:00:00.000Z';
  const clock = { now: () => now as Instant };
  const store = new InMemoryEventStore();
  const businessDate = new LedgerBusinessDate(store, clock, 'UTC');
  const loans = new Set<string>();
  const calendar: ServicingCalendar = {
    loansWithWorkDueOn: async (_date, limit, cursor) => {
      const all = [...loans].sort();
      const start = cursor === null ? 0 : Number(cursor);
      const next = start + limit < all.length ? String(start + limit) : null;
      return { accountNumbers: all.slice(start, start + limit), nextCursor: next };
    },
  };
  const freshness = { reached: true, waitForPosition: async () => freshness.reached };
  const handler = new RunBusinessDayHandler(store, businessDate, calendar, freshness, { pageSize: 1 });
  // The service starts the business date at boot; here the first read of the ledger does.
  const started = businessDate.status();
  const open = async (accountNumber: string) => {
    await started;
    const command: LoanCommand = openLoan({ accountNumber: parseAccountNumber(accountNumber) });
    const context = { businessDate: '2026-01-10' as BusinessDate, now: clock.now() };
    const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', occurredAt: clock.now() };
    await handleCommand(store, LOAN_STREAM, loanStreamId(parseAccountNumber(accountNumber)), (state) => loanDecider.decide(command, state, context), metadata);
    loans.add(accountNumber);
  };
  const run = async (date: string) => (await started, handler.execute(new RunBusinessDay(date as BusinessDate, 'test')));
  const typesOf = async (accountNumber: string) => (await store.readStream(`loan-${accountNumber}`)).map((event) => event.type);
  const setToday = (date: string) => (now = `${date}T12:00:00.000Z`);
  return { store, businessDate, calendar, freshness, handler, loans, open, run, typesOf, setToday, clock };
}

describe('a new ledger', () => {
  it('starts at today in its time zone', async () => {
    const { businessDate } = ledger();
    await expect(businessDate.currentBusinessDate()).resolves.toBe('2026-01-10');
  });
});

describe('running a date after days without a cycle', () => {
  it('runs every missed date in order and advances the business date to it', async () => {
    const { open, run, setToday, businessDate } = ledger();
    await open(ACCOUNT);
    setToday('2026-02-05');
    const result = await run('2026-02-05');
    expect(result.days.map((day) => day.date)).toEqual(
      Array.from({ length: 27 }, (_, index) => new Date(Date.UTC(2026, 0, 10 + index)).toISOString().slice(0, 10)),
    );
    expect(result.businessDate).toBe('2026-02-05');
    await expect(businessDate.currentBusinessDate()).resolves.toBe('2026-02-05');
  });

  it('issues the statement on its statement date and counts it there', async () => {
    const { open, run, setToday, typesOf } = ledger();
    await open(ACCOUNT);
    setToday('2026-02-05');
    const result = await run('2026-02-05');
    expect(result.days.filter((day) => day.statementsIssued > 0).map((day) => day.date)).toEqual(['2026-02-03']);
    expect(await typesOf(ACCOUNT)).toEqual(['LoanOpened', 'StatementIssued']);
  });
});

describe('a date that already ran', () => {
  it('answers the completed report and writes nothing', async () => {
    const { open, run, setToday, store } = ledger();
    await open(ACCOUNT);
    setToday('2026-02-03');
    const first = await run('2026-02-03');
    const head = await store.headPosition();
    const second = await run('2026-02-03');
    expect(second.days).toEqual([{ ...first.days[first.days.length - 1], alreadyCompleted: true }]);
    expect(await store.headPosition()).toBe(head);
  });

  it('is answered with the completed result when two processes run it at once', async () => {
    const { open, setToday, store, businessDate, calendar, freshness, typesOf } = ledger();
    await businessDate.status();
    await open(ACCOUNT);
    setToday('2026-02-03');
    const another = new RunBusinessDayHandler(store, businessDate, calendar, freshness);
    const one = new RunBusinessDayHandler(store, businessDate, calendar, freshness);
    const results = await Promise.all([one, another].map((handler) => handler.execute(new RunBusinessDay('2026-02-03' as BusinessDate, 't'))));
    expect(results.map((result) => result.businessDate)).toEqual(['2026-02-03', '2026-02-03']);
    const completions = (await store.readStream(BUSINESS_DAYS_STREAM)).filter((event) => event.type === 'BusinessDayCompleted');
    expect(completions.map((event) => event.data.date)).toEqual(Array.from(new Set(completions.map((event) => event.data.date))));
    expect(await typesOf(ACCOUNT)).toEqual(['LoanOpened', 'StatementIssued']);
  });
});

describe('the business date never goes backwards', () => {
  it('refuses a date before it', async () => {
    const { run, setToday } = ledger();
    setToday('2026-01-20');
    await run('2026-01-20');
    await expect(run('2026-01-19')).rejects.toMatchObject({ kind: 'RuleViolated', reason: 'BUSINESS_DATE_IN_PAST' });
  });

  it('refuses a date after today in the zone', async () => {
    const { run } = ledger();
    await expect(run('2026-01-11')).rejects.toMatchObject({ kind: 'RuleViolated', reason: 'BUSINESS_DATE_IN_FUTURE' });
  });
});

describe('a loan that fails', () => {
  it('is reported and does not stop the others', async () => {
    const { open, run, setToday, loans, typesOf } = ledger();
    await open(ACCOUNT);
    await open(OTHER);
    loans.add('11111111'); // listed but never opened: servicing it throws
    setToday('2026-02-03');
    const result = await run('2026-02-03');
    const day = result.days[result.days.length - 1];
    expect(day.failures).toEqual([{ accountNumber: '11111111', reason: expect.stringMatching(/^NotFound|RuleViolated/) }]);
    expect(day.statementsIssued).toBe(2);
    expect(await typesOf(OTHER)).toEqual(['LoanOpened', 'StatementIssued']);
  });
});

describe('read models that lag', () => {
  it('stop the cycle before anything is listed', async () => {
    const { open, run, setToday, freshness, businessDate } = ledger();
    await open(ACCOUNT);
    freshness.reached = false;
    setToday('2026-01-11');
    await expect(run('2026-01-11')).rejects.toThrow('did not reach');
    await expect(businessDate.currentBusinessDate()).resolves.toBe('2026-01-10');
  });
});
