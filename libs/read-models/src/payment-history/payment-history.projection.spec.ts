import { Money, parsePaymentId } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { ACCOUNT, Journal, openLoan, schedule } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { PAYMENTS_COLLECTION, PaymentHistoryDocument, paymentHistoryProjection } from './payment-history.projection';

const paymentAfter = (events: readonly RecordedEvent[], paymentId: string) =>
  folded<PaymentHistoryDocument>(foldProjection(paymentHistoryProjection, events), PAYMENTS_COLLECTION, `${ACCOUNT}:${paymentId}`);

const opened = () => {
  const journal = new Journal();
  journal.loan(openLoan(), '2026-01-10');
  return journal;
};

describe('payment-history: a debit scheduled', () => {
  const journal = opened();
  journal.loan(schedule('pay-1', '489.04', '2026-02-24'), '2026-02-01');
  const payment = paymentAfter(journal.events, 'pay-1');
  it('is listed as scheduled', () => expect(payment?.status).toBe('SCHEDULED'));
  it('is effective on its scheduled date', () => expect(payment?.effectiveDate).toBe('2026-02-24'));
  it('sorts by its effective date and first revision', () => expect(payment?.sortKey).toBe('2026-02-24#000000000001'));
  it('shows the funding account last 4', () => expect(payment?.fundingLast4).toBe('6789'));
  it('has no allocation yet', () => expect(payment?.allocation).toBeNull());
});

describe('payment-history: a debit settled', () => {
  const payment = paymentAfter(opened().pay('pay-1', '489.04', '2026-02-24').events, 'pay-1');
  it('is settled', () => expect(payment?.status).toBe('SETTLED'));
  it('records the settlement date', () => expect(payment?.settledOn).toBe('2026-02-24'));
  it('shows how the waterfall split it', () =>
    expect(payment?.allocation).toEqual({ interest: '200.03', fees: '0.00', principal: '289.01', overpayment: '0.00' }));
  it('keeps the sort key it was scheduled with', () => expect(payment?.sortKey).toBe('2026-02-24#000000000001'));
});

describe('payment-history: a debit returned', () => {
  const journal = opened().pay('pay-1', '489.04', '2026-02-24');
  journal.loan({ type: 'ReturnPayment', data: { paymentId: parsePaymentId('pay-1'), returnCode: 'R01', returnedOn: '2026-02-27' as never } }, '2026-02-27');
  const payment = paymentAfter(journal.events, 'pay-1');
  it('is returned', () => expect(payment?.status).toBe('RETURNED'));
  it('names the return code', () => expect(payment?.returnCode).toBe('R01'));
});

describe('payment-history: a debit cancelled', () => {
  const journal = opened();
  journal.loan(schedule('pay-1', '489.04', '2026-02-24'), '2026-02-01');
  journal.loan({ type: 'CancelPayment', data: { paymentId: parsePaymentId('pay-1') } }, '2026-02-02');
  it('is cancelled', () => expect(paymentAfter(journal.events, 'pay-1')?.status).toBe('CANCELLED'));
});

describe('payment-history: a MoneyGram payment received', () => {
  const journal = opened();
  journal.loan({
    type: 'RecordExternalPayment',
    data: { paymentId: parsePaymentId('mg-1'), channel: 'MONEYGRAM', amount: Money.parse('300.00'), receivedOn: '2026-02-10' as never, agentFee: Money.parse('11.99') },
  }, '2026-02-10');
  const payment = paymentAfter(journal.events, 'mg-1');
  it('is settled at once', () => expect(payment?.status).toBe('SETTLED'));
  it('has no scheduled date', () => expect(payment?.scheduledFor).toBeNull());
  it('records the agent fee for the history', () => expect(payment?.thirdPartyFee).toBe('11.99'));
  it('is external', () => expect(payment?.source).toBe('EXTERNAL'));
});

describe('payment-history: a settlement delivered again', () => {
  const journal = opened().pay('pay-1', '489.04', '2026-02-24');
  it('changes nothing', () =>
    expect(paymentAfter([...journal.events, ...journal.events.slice(1)], 'pay-1')).toEqual(paymentAfter(journal.events, 'pay-1')));
});
