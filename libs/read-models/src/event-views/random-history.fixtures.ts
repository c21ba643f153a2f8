import fc from 'fast-check';
import {
  Apr, CustomerCommand, CustomerEvent, CustomerState, LoanCommand, LoanEvent, LoanState, Money, addDays,
  customerDecider, isDomainError, loanDecider, parseAccountNumber, parseBusinessDate, parseCustomerId, parseFeeId,
  parseInstant, parsePaymentId,
} from '@ledger/domain';
import { EventStore, NewEvent, streamRevision } from '@ledger/event-store';

/*
 * Test-only: random loan and customer histories decided by the real deciders. A history is a list
 * of steps; each step moves the business date forward and tries one command on one stream. Steps
 * the decider refuses (DomainError) record nothing, as a refused HTTP command would.
 */

const ACCOUNTS = ['10000001', '10000002'];
const CUSTOMER_ID = 'C-7';
const VINS = ['1HGCM82633A004352', '1M8GDM9AXKP042788'];
const FUNDING = { fundingSourceId: 'fs-1', fundingLast4: '4321' };

export type Step =
  | { kind: 'day'; advance: number; account: number }
  | { kind: 'schedule' | 'external'; advance: number; account: number; cents: number; ahead: number }
  | { kind: 'settle' | 'return' | 'cancel'; advance: number; account: number; pick: number }
  | { kind: 'fee' | 'waive' | 'autopay' | 'noAutopay' | 'textPay' | 'noTextPay' | 'lien' | 'mail' | 'deliver' | 'payoff' | 'score'; advance: number; account: number; pick: number };

const paymentStep = fc.record({
  kind: fc.constantFrom('schedule' as const, 'external' as const), advance: fc.integer({ min: 0, max: 12 }),
  account: fc.integer({ min: 0, max: 1 }), cents: fc.integer({ min: 1000, max: 150000 }), ahead: fc.integer({ min: 0, max: 6 }),
});
const otherStep = fc.record({
  kind: fc.constantFrom(
    'day' as const, 'settle' as const, 'return' as const, 'cancel' as const, 'fee' as const, 'waive' as const, 'autopay' as const,
    'noAutopay' as const, 'textPay' as const, 'noTextPay' as const, 'lien' as const, 'mail' as const, 'deliver' as const,
    'payoff' as const, 'score' as const,
  ),
  advance: fc.integer({ min: 0, max: 20 }), account: fc.integer({ min: 0, max: 1 }), pick: fc.nat(),
});
export const historySteps = fc.array(fc.oneof({ arbitrary: otherStep, weight: 3 }, { arbitrary: paymentStep, weight: 2 }), { minLength: 10, maxLength: 60, size: 'max' });

const pickOne = <T>(items: T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);
const paymentsWith = (state: LoanState, statuses: string[]) =>
  state.status === 'NotOpened' ? [] : Object.values(state.payments).filter((payment) => statuses.includes(payment.status)).map((payment) => payment.paymentId);

/** The loan command a step stands for, on the loan's current state. */
function loanCommand(step: Step, state: LoanState, date: string, serial: number): LoanCommand | null {
  const d = parseBusinessDate(date);
  const id = (prefix: string) => parsePaymentId(`${prefix}-${serial}`);
  switch (step.kind) {
    case 'day': return { type: 'RunServicingDay', data: { date: d } };
    case 'schedule': return { type: 'SchedulePayment', data: { paymentId: id('p'), amount: Money.ofCents(step.cents), scheduledFor: addDays(d, step.ahead), fundingSource: FUNDING } };
    case 'external': return { type: 'RecordExternalPayment', data: { paymentId: id('x'), channel: step.ahead % 2 ? 'MAIL' : 'ACI_PHONE', amount: Money.ofCents(step.cents), receivedOn: d } };
    case 'payoff': return { type: 'RecordExternalPayment', data: { paymentId: id('po'), channel: 'BANK_BILL_PAY', amount: Money.parse('30000.00'), receivedOn: d } };
    case 'settle': { const paymentId = pickOne(paymentsWith(state, ['SUBMITTED']), step.pick); return paymentId ? { type: 'SettlePayment', data: { paymentId: parsePaymentId(paymentId), settledOn: d } } : null; }
    case 'return': { const paymentId = pickOne(paymentsWith(state, ['SETTLED']), step.pick); return paymentId ? { type: 'ReturnPayment', data: { paymentId: parsePaymentId(paymentId), returnCode: 'R01', returnedOn: d } } : null; }
    case 'cancel': { const paymentId = pickOne(paymentsWith(state, ['SCHEDULED']), step.pick); return paymentId ? { type: 'CancelPayment', data: { paymentId: parsePaymentId(paymentId) } } : null; }
    case 'fee': return { type: 'ChargeFee', data: { feeId: parseFeeId(`f-${serial}`), amount: Money.ofCents(500 + (step.pick % 3000)), reason: 'Other' } };
    case 'waive': { const fees = state.status === 'NotOpened' ? [] : state.fees.map((fee) => fee.feeId); const feeId = pickOne(fees, step.pick); return feeId ? { type: 'WaiveFee', data: { feeId: parseFeeId(feeId), reason: 'Goodwill' } } : null; }
    case 'autopay': return { type: 'EnrollAutoPay', data: { fundingSource: FUNDING, routingNumber: '011000015', amountRule: 'AMOUNT_DUE', draftDaysBeforeDue: step.pick % 6 } };
    case 'noAutopay': return { type: 'CancelAutoPay', data: {} };
    case 'textPay': return { type: 'EnrollTextPay', data: { mobileNumber: '+12025550143', mobileVerified: true, textAlertsOptedIn: true, fundingSource: FUNDING } };
    case 'noTextPay': return { type: 'CancelTextPay', data: {} };
    case 'lien': return { type: 'RecordLienReleased', data: { releasedOn: d } };
    case 'mail': return { type: 'RecordTitleMailed', data: { carrier: 'UPS', trackingNumber: `1Z${serial}`, mailedOn: d } };
    case 'deliver': return { type: 'RecordTitleDelivered', data: { deliveredOn: d } };
    case 'score': return null;
  }
}

/** Appends a decision to the store, numbering event ids deterministically. */
class Writer {
  private serial = 0;
  constructor(private readonly store: EventStore) {}
  async append(streamId: string, events: ReadonlyArray<{ type: string; data: object }>, revision: number, date: string): Promise<void> {
    if (events.length === 0) return;
    const newEvents = events.map((event): NewEvent => {
      this.serial += 1;
      return {
        eventId: `00000000-0000-4000-8000-${String(this.serial).padStart(12, '0')}`, type: event.type, data: JSON.parse(JSON.stringify(event.data)),
        metadata: { schemaVersion: 1, occurredAt: `${date}T12:00:00.000Z`, correlationId: 'c', causationId: 'c', actor: 'property' },
      };
    });
    await this.store.append(streamId, newEvents, revision < 0 ? 'no_stream' : streamRevision(revision));
  }
}

/** Plays the steps against the deciders and appends every decision to `store`. */
export async function playHistory(store: EventStore, steps: readonly Step[]): Promise<void> {
  const writer = new Writer(store);
  let date = '2026-01-10';
  const context = () => ({ businessDate: parseBusinessDate(date), now: parseInstant(`${date}T12:00:00.000Z`) });
  const loans: { state: LoanState; revision: number }[] = ACCOUNTS.map(() => ({ state: loanDecider.initialState(), revision: -1 }));
  const customer: { state: CustomerState; revision: number } = { state: customerDecider.initialState(), revision: -1 };
  const decideCustomer = async (command: CustomerCommand) => {
    const events: CustomerEvent[] = customerDecider.decide(command, customer.state, context());
    await writer.append(`customer-${CUSTOMER_ID}`, events, customer.revision, date);
    customer.state = events.reduce(customerDecider.evolve, customer.state);
    customer.revision += events.length;
  };
  const decideLoan = async (index: number, command: LoanCommand) => {
    const loan = loans[index];
    const events: LoanEvent[] = loanDecider.decide(command, loan.state, context());
    await writer.append(`loan-${ACCOUNTS[index]}`, events, loan.revision, date);
    loan.state = events.reduce(loanDecider.evolve, loan.state);
    loan.revision += events.length;
  };
  await decideCustomer({ type: 'RegisterCustomer', data: { customerId: parseCustomerId(CUSTOMER_ID), name: 'Ana López', email: 'ana@example.com', mobile: '+12025550143', ssnHash: 'scrypt$N=16384,r=8,p=1$c2FsdA$0123456789abcdef0123456789abcdef' } });
  for (const [index, accountNumber] of ACCOUNTS.entries()) {
    await decideLoan(index, {
      type: 'OpenLoan',
      data: {
        accountNumber: parseAccountNumber(accountNumber), customerId: CUSTOMER_ID, vehicle: { vin: VINS[index], year: 2024, make: 'Honda', model: 'Civic' },
        principal: Money.parse(index === 0 ? '25000.00' : '9000.00'), apr: Apr.parse(index === 0 ? '6.49' : '0'), termMonths: index === 0 ? 60 : 24,
        originationDate: parseBusinessDate(date), firstPaymentDate: parseBusinessDate(index === 0 ? '2026-02-24' : '2026-02-28'), titleState: index === 0 ? 'AL' : 'TX',
      },
    });
  }
  await decideCustomer({ type: 'LinkVehicle', data: { customerId: parseCustomerId(CUSTOMER_ID), ssnMatches: true, loan: { accountNumber: ACCOUNTS[0], vin: VINS[0], customerId: CUSTOMER_ID }, identifiedBy: 'VIN' } });
  for (const [serial, step] of steps.entries()) {
    const previous = parseBusinessDate(date);
    date = addDays(previous, step.advance);
    try {
      if (step.kind === 'day') {
        // The daily cycle runs for every date the step moved through, as the service runs it.
        for (let day = addDays(previous, 1); day <= date; day = addDays(day, 1)) {
          const today = date;
          date = day;
          try {
            await decideLoan(step.account, { type: 'RunServicingDay', data: { date: day } });
          } finally {
            date = today;
          }
        }
        continue;
      }
      if (step.kind === 'score') {
        await decideCustomer({ type: 'RecordCreditScore', data: { customerId: parseCustomerId(CUSTOMER_ID), score: 300 + (step.pick % 551), model: 'FICO Score 8', bureau: 'EQUIFAX', asOf: addDays(parseBusinessDate(date), -(step.pick % 40)) } });
        continue;
      }
      const command = loanCommand(step, loans[step.account].state, date, serial);
      if (command !== null) await decideLoan(step.account, command);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
}
