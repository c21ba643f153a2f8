import { Money, parseFeeId } from '@ledger/domain';
import { Journal, ACCOUNT, d, openLoan as openLoanCommand, schedule } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { LOAN_BALANCE_COLLECTION, loanBalanceProjection } from './loan-balance.projection';
import { LoanBalanceDocument } from './loan-balance.document';
import { RecordedEvent } from '@ledger/event-store';

const then = (events: readonly RecordedEvent[]): LoanBalanceDocument =>
  folded<LoanBalanceDocument>(foldProjection(loanBalanceProjection, events), LOAN_BALANCE_COLLECTION, ACCOUNT) as LoanBalanceDocument;

const opened = () => new Journal().loan(openLoanCommand(), '2026-01-10');

describe('loan-balance: a loan just opened', () => {
  const document = then(opened());
  it('is active', () => expect(document.status).toBe('ACTIVE'));
  it('owes the original principal', () => expect(document.principal).toBe('25000.00'));
  it('has posted interest up to the origination date', () => expect(document.lastPostedOn).toBe('2026-01-10'));
  it('keeps the terms the query needs', () =>
    expect(document.terms).toEqual({
      principal: '25000.00', apr: '6.49', installment: '489.04', termMonths: 60,
      originationDate: '2026-01-10', firstPaymentDate: '2026-02-24', maturityDate: '2031-01-24',
    }));
  it('reflects revision 0', () => expect(document.revision).toBe(0));
});

describe('loan-balance: the first installment settled on its due date', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.pay('pay-1', '489.04', '2026-02-24');
  const document = then(journal.events);
  it('pays 45 days of interest first and the rest off the principal', () => expect(document.principal).toBe('24710.99'));
  it('leaves no unpaid interest', () => expect(document.accruedInterest).toBe('0.00'));
  it('moves the last posting date to the effective date', () => expect(document.lastPostedOn).toBe('2026-02-24'));
  it('counts the payment as received', () => expect(document.received).toBe('489.04'));
  it('shows it as the last payment', () =>
    expect(document.lastPayment).toEqual({ id: 'pay-1', amount: '489.04', status: 'SETTLED', date: '2026-02-24' }));
  it('has nothing pending', () => expect(document.pendingPayments).toEqual([]));
});

describe('loan-balance: a payment scheduled ahead', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.loan(schedule('pay-9', '100.00', '2026-02-20'), '2026-02-01');
  const document = then(journal.events);
  it('is pending', () =>
    expect(document.pendingPayments).toEqual([{ paymentId: 'pay-9', amount: '100.00', scheduledFor: '2026-02-20', status: 'SCHEDULED' }]));
  it('is the last payment, scheduled', () => expect(document.lastPayment?.status).toBe('SCHEDULED'));
  it('does not count as received', () => expect(document.received).toBe('0.00'));
});

describe('loan-balance: no payment and the daily cycle run to 2026-03-10', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.days('2026-02-01', '2026-03-10');
  const document = then(journal.events);
  it('owes the late fee of cycle 1', () => expect(document.feesOutstanding).toBe('24.45'));
  it('bills the late fee', () => expect(document.feesChargedNet).toBe('24.45'));
  it('remembers the last statement', () =>
    expect(document.lastStatement).toEqual({ cycle: 2, dueDate: '2026-03-24', amountDue: '978.08' }));
  it('is dated by the last event', () => expect(document.asOf).toBe('2026-03-07'));
});

describe('loan-balance: a fee charged and then waived', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.loan({ type: 'ChargeFee', data: { feeId: parseFeeId('fee-1'), amount: Money.parse('15.00'), reason: 'Title copy' } }, '2026-01-12');
  journal.loan({ type: 'WaiveFee', data: { feeId: parseFeeId('fee-1'), reason: 'Goodwill' } }, '2026-01-13');
  const document = then(journal.events);
  it('owes no fee', () => expect(document.feesOutstanding).toBe('0.00'));
  it('bills no fee', () => expect(document.feesChargedNet).toBe('0.00'));
});

describe('loan-balance: AutoPay enrolled, then suspended', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.append(`loan-${ACCOUNT}`, [
    { type: 'AutoPayEnrolled', data: { fundingSourceId: 'fs-1', fundingLast4: '6789', amountRule: 'AMOUNT_DUE', fixedAmount: null, extraPrincipal: '0.00', draftDaysBeforeDue: 3, enrolledOn: d('2026-01-11') } },
    { type: 'AutoPaySuspended', data: { suspendedOn: d('2026-04-01'), reason: 'CONSECUTIVE_RETURNS', returnedPaymentIds: ['a-1', 'a-2'] } },
  ]);
  const document = then(journal.events);
  it('summarises the enrolment as suspended', () =>
    expect(document.autopay).toEqual({ amountRule: 'AMOUNT_DUE', fixedAmount: null, extraPrincipal: '0.00', draftDaysBeforeDue: 3, fundingLast4: '6789', suspended: true }));
});

describe('loan-balance: pay by text enrolled', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.append(`loan-${ACCOUNT}`, [
    { type: 'TextPayEnrolled', data: { mobileNumber: '+12025550123', fundingSourceId: 'fs-1', fundingLast4: '6789', enrolledOn: d('2026-01-11') } },
  ]);
  it('shows only the last 4 digits of the mobile number', () =>
    expect(then(journal.events).textPay).toEqual({ mobileLast4: '0123', fundingLast4: '6789' }));
});

describe('loan-balance: an event delivered again', () => {
  const journal = new Journal();
  journal.loan(openLoanCommand(), '2026-01-10');
  journal.pay('pay-1', '489.04', '2026-02-24');
  it('changes nothing', () => {
    const settledEvent = journal.events[journal.events.length - 1];
    expect(then([...journal.events, settledEvent])).toEqual(then(journal.events));
  });
  it('is the same document object (evolve returns its input)', () => {
    const document = then(journal.events);
    const last = journal.events[journal.events.length - 1];
    expect(loanBalanceProjection.evolve(document, last, {} as never)).toBe(document);
  });
});
