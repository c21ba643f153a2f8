import { Money, parsePaymentId } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { ACCOUNT, Journal, d, openLoan, schedule } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { storeWith } from '../event-views/store.fixtures';
import { SERVICING_DUE_COLLECTION, ServicingDueDocument, servicingCalendarProjection } from './servicing-calendar.projection';
import { loansWithWorkDueOn } from './servicing-calendar.query';

const dueAfter = (events: readonly RecordedEvent[]) =>
  folded<ServicingDueDocument>(foldProjection(servicingCalendarProjection, events), SERVICING_DUE_COLLECTION, ACCOUNT);
const opened = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal;
};

describe('servicing-calendar: a loan just opened', () => {
  it('has work on its first statement date (D_1 - 21)', () => expect(dueAfter(opened().events)?.nextWorkOn).toBe('2026-02-03'));
});

describe('servicing-calendar: a debit scheduled before the first statement', () => {
  const journal = opened();
  journal.loan(schedule('pay-1', '100.00', '2026-01-20'), '2026-01-12');
  it('has work on the debit date', () => expect(dueAfter(journal.events)?.nextWorkOn).toBe('2026-01-20'));
});

describe('servicing-calendar: the first statement issued, nothing paid', () => {
  const journal = opened().days('2026-02-03', '2026-02-03');
  it('has work on the late-fee check day of cycle 1 (D_1 + 10 + 1)', () => expect(dueAfter(journal.events)?.nextWorkOn).toBe('2026-03-03'));
});

describe('servicing-calendar: the first statement issued and the installment paid', () => {
  const journal = opened().days('2026-02-03', '2026-02-03').pay('pay-1', '489.04', '2026-02-10');
  it('has work on the next statement date (no late-fee check can charge)', () => expect(dueAfter(journal.events)?.nextWorkOn).toBe('2026-03-03'));
});

describe('servicing-calendar: pay by text enrolled after the first statement', () => {
  const journal = opened().days('2026-02-03', '2026-02-03');
  journal.append(`loan-${ACCOUNT}`, [{ type: 'TextPayEnrolled', data: { mobileNumber: '+12025550123', fundingSourceId: 'fs-1', fundingLast4: '6789', enrolledOn: d('2026-02-04') } }]);
  it('has work on the reminder day (due - 7)', () => expect(dueAfter(journal.events)?.nextWorkOn).toBe('2026-02-17'));
});

describe('servicing-calendar: a loan paid off', () => {
  const journal = opened();
  journal.loan({ type: 'RecordExternalPayment', data: { paymentId: parsePaymentId('mail-1'), channel: 'MAIL', amount: Money.parse('30000.00'), receivedOn: d('2026-01-20') } }, '2026-01-20');
  it('leaves the calendar', () => expect(dueAfter(journal.events)).toBeNull());
  it('stays out when the payoff is delivered again', () => expect(dueAfter([...journal.events, ...journal.events.slice(1)])).toBeNull());
});

describe('servicing-calendar: an event delivered again', () => {
  it('changes nothing', () => {
    const { events } = opened().days('2026-02-03', '2026-02-03');
    expect(foldProjection(servicingCalendarProjection, [...events, ...events])).toEqual(foldProjection(servicingCalendarProjection, events));
  });
});

describe('loansWithWorkDueOn', () => {
  const store = () => {
    const journal = opened();
    journal.loan(openLoan('22222222', { firstPaymentDate: d('2026-03-10') }), '2026-01-10', '22222222');
    return storeWith([servicingCalendarProjection], journal.events);
  };
  it('finds nothing before the first work date', async () => expect((await loansWithWorkDueOn(await store(), d('2026-02-02'))).accountNumbers).toEqual([]));
  it('finds the loan whose statement is due', async () => expect((await loansWithWorkDueOn(await store(), d('2026-02-03'))).accountNumbers).toEqual([ACCOUNT]));
  it('finds both later, earliest first', async () =>
    expect((await loansWithWorkDueOn(await store(), d('2026-02-20'))).accountNumbers).toEqual([ACCOUNT, '22222222']));
});
