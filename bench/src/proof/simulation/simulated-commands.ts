import {
  Apr,
  BusinessDate,
  LoanCommand,
  Money,
  parseAccountNumber,
  parseBusinessDate,
  parseFeeId,
  parsePaymentId,
} from '@ledger/domain';
import { formatCents } from '../cents';

/** What a simulated client remembers about a loan, to aim later commands at real payments and fees. */
export interface LoanMemory {
  accountNumber: string;
  fees: string[];
  /** Scheduled (ONLINE) payments that settled: candidates for a return. */
  settledDebits: string[];
}

const FUNDING = { fundingSourceId: 'fs_sim', fundingLast4: '6789' };
const money = (random: () => number, minCents: number, maxCents: number): Money =>
  Money.parse(formatCents(BigInt(minCents + Math.floor(random() * (maxCents - minCents + 1)))));

export const openLoanCommand = (accountNumber: string): LoanCommand => ({
  type: 'OpenLoan',
  data: {
    accountNumber: parseAccountNumber(accountNumber),
    customerId: 'C-SIM',
    vehicle: { vin: '1M8GDM9AXKP042788', year: 2019, make: 'Honda', model: 'Accord' },
    principal: Money.parse('8000.00'),
    apr: Apr.parse('7.25'),
    termMonths: 48,
    originationDate: parseBusinessDate('2026-01-02'),
    firstPaymentDate: parseBusinessDate('2026-02-02'),
    titleState: 'OK',
  },
});

/**
 * The next business step for one loan, drawn from the seed: a sequence of commands that a real
 * actor would send one after the other (a debit is scheduled, submitted, then settled).
 */
export function nextStep(
  random: () => number,
  loan: LoanMemory,
  today: BusinessDate,
  serial: string,
): { name: string; commands: LoanCommand[]; remember?: () => void } {
  const roll = random();
  const paymentId = parsePaymentId(`p-${serial}`);
  if (roll < 0.3) {
    return {
      name: 'external payment',
      commands: [
        {
          type: 'RecordExternalPayment',
          data: { paymentId, channel: 'MAIL', amount: money(random, 100, 90_000), receivedOn: today },
        },
      ],
    };
  }
  if (roll < 0.5) {
    const feeId = `f-${serial}`;
    return {
      name: 'charge fee',
      commands: [
        {
          type: 'ChargeFee',
          data: { feeId: parseFeeId(feeId), amount: money(random, 100, 5_000), reason: 'simulation' },
        },
      ],
      remember: () => loan.fees.push(feeId),
    };
  }
  if (roll < 0.6 && loan.fees.length > 0) {
    const feeId = loan.fees[Math.floor(random() * loan.fees.length)];
    return {
      name: 'waive fee',
      commands: [{ type: 'WaiveFee', data: { feeId: parseFeeId(feeId), reason: 'simulation' } }],
    };
  }
  if (roll < 0.8) {
    return {
      name: 'debit',
      commands: [
        {
          type: 'SchedulePayment',
          data: {
            paymentId,
            amount: money(random, 100, 60_000),
            scheduledFor: today,
            fundingSource: FUNDING,
          },
        },
        { type: 'SubmitPayment', data: { paymentId } },
        { type: 'SettlePayment', data: { paymentId, settledOn: today } },
      ],
      remember: () => loan.settledDebits.push(paymentId),
    };
  }
  if (roll < 0.9 && loan.settledDebits.length > 0) {
    const returned = parsePaymentId(loan.settledDebits[Math.floor(random() * loan.settledDebits.length)]);
    return {
      name: 'return',
      commands: [
        { type: 'ReturnPayment', data: { paymentId: returned, returnCode: 'R01', returnedOn: today } },
      ],
    };
  }
  return { name: 'servicing day', commands: [{ type: 'RunServicingDay', data: { date: today } }] };
}
