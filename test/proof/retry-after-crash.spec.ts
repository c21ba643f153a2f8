import { handleCommand, LOAN_STREAM, StreamStateCache } from '@ledger/application';
import {
  BusinessDate,
  Instant,
  LoanCommand,
  loanDecider,
  LoanState,
  Money,
  parseFeeId,
  parsePaymentId,
} from '@ledger/domain';
import { InMemoryEventStore } from '@ledger/event-store';
import { openLoanCommand } from '../../bench/src/proof/simulation/simulated-commands';

const STREAM = 'loan-81000001';
const context = { businessDate: '2026-01-05' as BusinessDate, now: '2026-01-05T15:00:00.000Z' as Instant };
const metadata = (key: string) => ({
  actor: 'writer',
  correlationId: key,
  causationId: key,
  occurredAt: context.now,
  idempotencyKey: key,
});
const payment: LoanCommand = {
  type: 'RecordExternalPayment',
  data: {
    paymentId: parsePaymentId('p-lost-answer'),
    channel: 'MAIL',
    amount: Money.parse('10.00'),
    receivedOn: context.businessDate,
  },
};
const fee: LoanCommand = {
  type: 'ChargeFee',
  data: { feeId: parseFeeId('f-1'), amount: Money.parse('5.00'), reason: 'x' },
};
const send = (
  store: InMemoryEventStore,
  command: LoanCommand,
  key: string,
  cache?: StreamStateCache<LoanState>,
) =>
  handleCommand(
    store,
    LOAN_STREAM,
    STREAM,
    (state) => loanDecider.decide(command, state, context),
    metadata(key),
    { cache },
  );

/**
 * Found by the ledger-kill proof (200 kills): a command whose append committed but whose answer
 * and idempotency record were lost in a crash is retried with the same key after the restart.
 * handleCommand must answer the original result. It does on a cold cache, but once the restarted
 * process has cached the stream past those events, findEarlierResult only sees the events read
 * after the cached revision, so the retry is decided again and refused (409 PAYMENT_ALREADY_EXISTS),
 * and the idempotency interceptor then stores that refusal as the key's final answer.
 */
describe('a retried command whose first attempt was appended before a crash', () => {
  let store: InMemoryEventStore;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await send(store, openLoanCommand('81000001'), 'open');
    await send(store, payment, 'key-lost'); // the process that appended this died before answering
  });

  it('answers the original result when the new process has not cached the stream', async () => {
    const retried = await send(store, payment, 'key-lost', new StreamStateCache<LoanState>());
    expect(retried.events.map((event) => event.type)).toEqual(['PaymentSettled']);
  });

  it('answers the original result when the new process has cached the stream beyond it', async () => {
    const cache = new StreamStateCache<LoanState>();
    await send(store, fee, 'key-other', cache);
    const retried = await send(store, payment, 'key-lost', cache);
    expect(retried.events.map((event) => event.type)).toEqual(['PaymentSettled']);
  });
});
