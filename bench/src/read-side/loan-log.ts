import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  addDays, Apr, BusinessDate, compareDates, Instant, isDomainError, LoanCommand, LoanEvent, loanDecider, LoanState, Money,
  OpenedLoanState, parseAccountNumber, parseBusinessDate, parseFeeId, parsePaymentId,
} from '@ledger/domain';
import { NewEvent } from '@ledger/event-store';
import { openEventsDatabase } from '../../../libs/event-store/src/sqlite/sqlite-schema';
import { recordNewEvents } from '../../../libs/event-store/src/shared/record-events';

/*
 * Realistic loan histories for the read-side benches, decided by the real loan decider (the
 * domain's testing generator is not in the build). A few template histories are decided day by
 * day (the daily cycle runs every date, as in production); each of the N loans then replays one
 * template under its own account number, and the loans are interleaved in the global log by
 * business date, the way a day of servicing writes them.
 */

/** A deterministic generator (mulberry32), so every run and every cache file hold the same log. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** One decided event and the index of the business day (from the template's origination) it was decided on. */
interface TemplateEvent {
  day: number;
  event: LoanEvent;
}

const FUNDING = { fundingSourceId: 'fs-bench', fundingLast4: '4321' };
const contextOn = (date: BusinessDate) => ({ businessDate: date, now: `${date}T15:00:00.000Z` as Instant });

class Template {
  readonly events: TemplateEvent[] = [];
  state: LoanState = loanDecider.initialState();
  constructor(readonly origination: BusinessDate) {}

  run(command: LoanCommand, date: BusinessDate): boolean {
    try {
      const decided = loanDecider.decide(command, this.state, contextOn(date));
      this.state = decided.reduce(loanDecider.evolve, this.state);
      const day = Math.round((Date.parse(date) - Date.parse(this.origination)) / 86_400_000);
      decided.forEach((event) => this.events.push({ day, event }));
      return true;
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
  }

  opened(): OpenedLoanState {
    return this.state as OpenedLoanState;
  }
}

const openCommand = (origination: BusinessDate, random: () => number): LoanCommand => ({
  type: 'OpenLoan',
  data: {
    accountNumber: parseAccountNumber('99999999'),
    customerId: 'cust-template',
    vehicle: { vin: '1HGCM82633A004352', year: 2024, make: 'Honda', model: 'Accord' },
    principal: Money.ofCents(1_500_000 + Math.floor(random() * 3_000_000)),
    apr: Apr.parse(['3.9', '6.49', '9.99', '12.125'][Math.floor(random() * 4)]),
    termMonths: [48, 60, 72, 84][Math.floor(random() * 4)],
    originationDate: origination,
    firstPaymentDate: addDays(origination, 30 + Math.floor(random() * 15)),
    titleState: random() < 0.5 ? 'TX' : 'AL',
  },
});

/**
 * A servicing history of about `eventsWanted` events: statements every cycle, a one-time debit a
 * few days before most due dates (scheduled, submitted by the daily cycle, settled two days later),
 * AutoPay drafts on some loans, external payments, a few returns, late fees and waivers.
 */
const decideTemplate = (seed: number, eventsWanted: number): TemplateEvent[] => {
  const random = seededRandom(seed);
  const origination = addDays(parseBusinessDate('2024-01-02'), seed % 28);
  const loan = new Template(origination);
  loan.run(openCommand(origination, random), origination);
  if (random() < 0.3) loan.run({ type: 'EnrollAutoPay', data: { fundingSource: FUNDING, routingNumber: '011000015', amountRule: 'AMOUNT_DUE' } }, origination);
  let sequence = 0;
  for (let day = 1; loan.events.length < eventsWanted && day < 3_000; day += 1) {
    const today = addDays(origination, day);
    loan.run({ type: 'RunServicingDay', data: { date: today } }, today);
    const state = loan.opened();
    if (state.status !== 'Active') break;
    const payments = Object.values(state.payments);
    // Settle what the bank has had for two days; now and then a settled debit comes back.
    for (const payment of payments) {
      if (payment.status === 'SUBMITTED' && compareDates(addDays(payment.effectiveDate, 2), today) <= 0) {
        loan.run({ type: 'SettlePayment', data: { paymentId: parsePaymentId(payment.paymentId), settledOn: today } }, today);
        if (random() < 0.04) {
          loan.run({ type: 'ReturnPayment', data: { paymentId: parsePaymentId(payment.paymentId), returnCode: 'R01', returnedOn: today } }, today);
        }
      }
    }
    const statement = state.statements[Math.max(...Object.keys(state.statements).map(Number), 0)];
    if (statement && statement.statementDate === today && state.autopay === null && random() < 0.95) {
      // The amount due (installment, past due and fees); now and then a little extra, or the bare installment.
      const installment = statement.amountDue.isPositive() ? statement.amountDue : state.terms.installment;
      sequence += 1;
      if (random() < 0.15) {
        const channel = (['BANK_BILL_PAY', 'MAIL', 'ACI_PHONE', 'CHECKFREEPAY_DEBIT'] as const)[Math.floor(random() * 4)];
        loan.run({ type: 'RecordExternalPayment', data: { paymentId: parsePaymentId(`x${sequence}`), channel, amount: installment, receivedOn: today } }, today);
      } else {
        const scheduledFor = addDays(statement.dueDate, -Math.floor(random() * 5));
        loan.run({ type: 'SchedulePayment', data: { paymentId: parsePaymentId(`p${sequence}`), amount: installment, scheduledFor, fundingSource: FUNDING } }, today);
      }
    }
    if (random() < 0.002) {
      sequence += 1;
      loan.run({ type: 'ChargeFee', data: { feeId: parseFeeId(`f${sequence}`), amount: Money.ofCents(2_500), reason: 'Title duplicate' } }, today);
      if (random() < 0.5) loan.run({ type: 'WaiveFee', data: { feeId: parseFeeId(`f${sequence}`), reason: 'Goodwill' } }, today);
    }
  }
  return loan.events.slice(0, eventsWanted);
};

/**
 * One loan with `payments` payments (half one-time debits, half external), for the payment-history
 * page of the query bench.
 */
export const decideBusyLoan = (payments: number): TemplateEvent[] => {
  const origination = parseBusinessDate('2024-01-02');
  const loan = new Template(origination);
  const open = openCommand(origination, seededRandom(7)) as Extract<LoanCommand, { type: 'OpenLoan' }>;
  loan.run({ type: 'OpenLoan', data: { ...open.data, principal: Money.ofCents(9_000_000), termMonths: 84 } }, origination);
  for (let index = 0, day = 1; index < payments; day += 1) {
    const today = addDays(origination, day);
    loan.run({ type: 'RunServicingDay', data: { date: today } }, today);
    for (const payment of Object.values(loan.opened().payments)) {
      if (payment.status === 'SUBMITTED') loan.run({ type: 'SettlePayment', data: { paymentId: parsePaymentId(payment.paymentId), settledOn: today } }, today);
    }
    loan.run({ type: 'SchedulePayment', data: { paymentId: parsePaymentId(`p${index}`), amount: Money.ofCents(2_000), scheduledFor: addDays(today, 1), fundingSource: FUNDING } }, today);
    loan.run({ type: 'RecordExternalPayment', data: { paymentId: parsePaymentId(`x${index}`), channel: 'MAIL', amount: Money.ofCents(1_500), receivedOn: today } }, today);
    index += 2;
  }
  return loan.events;
};

export interface LogShape {
  loans: number;
  eventsPerLoan: number;
  /** Distinct decided histories the loans replay. */
  templates: number;
}

export const accountNumberOfLoan = (loan: number): string => String(10_000_000 + loan);

/** The loan's copy of a template event: its own account number and customer in LoanOpened. */
const stamp = (event: LoanEvent, loan: number): LoanEvent =>
  event.type === 'LoanOpened'
    ? { ...event, data: { ...event.data, accountNumber: accountNumberOfLoan(loan), customerId: `cust-${accountNumberOfLoan(loan)}` } }
    : event;

const newEvent = (event: LoanEvent, origination: BusinessDate, day: number): NewEvent => ({
  eventId: randomUUID(),
  type: event.type,
  data: event.data as unknown as Record<string, unknown>,
  metadata: {
    schemaVersion: 1,
    occurredAt: `${addDays(origination, day)}T15:00:00.000Z`,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'bench',
  },
});

/** Writes the log as the store would (hash chain included) in large transactions; returns the event count. */
export const writeLoanLog = (file: string, shape: LogShape, extra: { loan: number; events: TemplateEvent[] }[] = []): number => {
  const templates = Array.from({ length: shape.templates }, (_, index) => decideTemplate(index + 1, shape.eventsPerLoan));
  const origins = templates.map((_, index) => addDays(parseBusinessDate('2024-01-02'), (index + 1) % 28));
  // Interleave by business day: day d holds, loan after loan, each loan's events of its day d.
  const maxDay = Math.max(...templates.map((events) => events[events.length - 1]?.day ?? 0), ...extra.map((item) => item.events[item.events.length - 1]?.day ?? 0));
  const byDay: { loan: number; events: TemplateEvent[]; origin: BusinessDate }[][] = Array.from({ length: maxDay + 1 }, () => []);
  const add = (loan: number, events: TemplateEvent[], origin: BusinessDate) => {
    let from = 0;
    while (from < events.length) {
      let to = from;
      while (to < events.length && events[to].day === events[from].day) to += 1;
      byDay[events[from].day].push({ loan, events: events.slice(from, to), origin });
      from = to;
    }
  };
  for (let loan = 0; loan < shape.loans; loan += 1) add(loan, templates[loan % templates.length], origins[loan % templates.length]);
  extra.forEach((item) => add(item.loan, item.events, parseBusinessDate('2024-01-02')));

  mkdirSync(resolve(file, '..'), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = openEventsDatabase(partial);
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const tips = new Map<string, { revision: number; hash: string; recordedAt: string }>();
  let written = 0;
  const writeDay = db.transaction((slices: { loan: number; events: TemplateEvent[]; origin: BusinessDate }[]) => {
    for (const slice of slices) {
      const streamId = `loan-${accountNumberOfLoan(slice.loan)}`;
      const events = slice.events.map(({ event, day }) => newEvent(stamp(event, slice.loan), slice.origin, day));
      for (const recorded of recordNewEvents(streamId, events, tips.get(streamId), new Date())) {
        const { metadata } = recorded;
        insert.run(streamId, recorded.revision, recorded.eventId, recorded.type, 1, JSON.stringify(recorded.data), JSON.stringify(metadata), metadata.recordedAt, metadata.hash);
        tips.set(streamId, { revision: recorded.revision, hash: metadata.hash, recordedAt: metadata.recordedAt });
        written += 1;
      }
    }
  });
  byDay.forEach((slices) => writeDay(slices));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
  return written;
};

/** The cached log for a shape under .bench-data/, written on first use. */
export const cachedLoanLog = (shape: LogShape): string => {
  const file = join(resolve('.bench-data'), `loan-log-${shape.loans}x${shape.eventsPerLoan}-t${shape.templates}.sqlite`);
  if (!existsSync(file)) {
    const started = Date.now();
    const written = writeLoanLog(file, shape);
    console.error(`wrote ${written.toLocaleString('en-US')} events to ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return file;
};
