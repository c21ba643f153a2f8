import { handleCommand, LOAN_STREAM } from '@ledger/application';
import { BusinessDate, Instant, loanDecider, parsePaymentId } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { LedgerClient, Reply } from './client';

export const VIN = '1M8GDM9AXKP042788';
export const BANK = { routingNumber: '011000015', accountNumber: '000123456789' };

const expectOk = (what: string, reply: Reply): Reply => {
  if (reply.status >= 300) throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
};

/** A date `days` after a YYYY-MM-DD date, as YYYY-MM-DD. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Registers customer `customerId` and opens loan `accountNumber`, originated 3 days before `businessDate`. */
export async function openLoan(
  client: LedgerClient,
  customerId: string,
  accountNumber: string,
  businessDate: string,
  principal = '5000.00',
): Promise<void> {
  const customer = {
    customerId,
    name: 'Proof Borrower',
    email: `${customerId.toLowerCase()}@example.com`,
    mobile: '+12025550123',
    ssn: '123-45-6789',
  };
  const registered = await client.command({
    method: 'POST',
    path: '/v1/customers',
    body: customer,
    idempotencyKey: `register-${customerId}`,
  });
  if (registered.status !== 409) expectOk('register customer', registered);
  const originationDate = addDays(businessDate, -3);
  const loan = {
    accountNumber,
    customerId,
    vehicle: { vin: VIN, year: 2019, make: 'Honda', model: 'Accord' },
    principal,
    apr: '6.5',
    termMonths: 36,
    originationDate,
    firstPaymentDate: addDays(originationDate, 31),
    titleState: 'OK',
  };
  expectOk(
    'open loan',
    await client.command({
      method: 'POST',
      path: '/v1/loans',
      body: loan,
      idempotencyKey: `open-${accountNumber}`,
    }),
  );
}

/** Schedules an ONLINE payment for the business date and returns its id. */
export async function schedulePayment(
  client: LedgerClient,
  accountNumber: string,
  amount: string,
  on: string,
  key: string,
): Promise<string> {
  const body = { amount, scheduledFor: on, fundingSource: BANK };
  const reply = expectOk(
    'schedule payment',
    await client.command({
      method: 'POST',
      path: `/v1/loans/${accountNumber}/payments`,
      body,
      idempotencyKey: key,
    }),
  );
  return String((reply.body as Record<string, unknown>).paymentId);
}

/** The daily cycle's submission of a debit to the bank, which no command route offers, straight through the application layer. */
export async function submitPayment(
  store: EventStore,
  accountNumber: string,
  paymentId: string,
  on: string,
): Promise<void> {
  const context = { businessDate: on as BusinessDate, now: `${on}T15:00:00.000Z` as Instant };
  const metadata = {
    actor: 'daily-cycle',
    correlationId: `submit-${paymentId}`,
    causationId: `submit-${paymentId}`,
    occurredAt: context.now,
  };
  const command = { type: 'SubmitPayment' as const, data: { paymentId: parsePaymentId(paymentId) } };
  await handleCommand(
    store,
    LOAN_STREAM,
    `loan-${accountNumber}`,
    (state) => loanDecider.decide(command, state, context),
    metadata,
  );
}

/** The business date the ledger runs on (GET /v1/operations/business-date). */
export async function businessDateOf(operator: LedgerClient): Promise<string> {
  const reply = expectOk(
    'business date',
    await operator.send({ method: 'GET', path: '/v1/operations/business-date' }),
  );
  const body = reply.body as Record<string, unknown>;
  return String(body.businessDate ?? body.date);
}

/** The account number of the n-th loan of a load run: 8 digits, distinct from every other scenario's. */
export const seededLoanNumber = (index: number): string => String(90_000_000 + index);
