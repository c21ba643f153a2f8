import { LedgerClient } from '../client';
import { VIN } from '../ledger-setup';

/** A bank account number and an SSN that appear nowhere else, so any sighting is a leak. */
export const ACCOUNT_CANARY = '987650001234';
export const SSN_CANARY = '219-09-9999';
export const CANARIES = [ACCOUNT_CANARY, SSN_CANARY, SSN_CANARY.replace(/-/g, '')];
const BANK = { routingNumber: '011000015', accountNumber: ACCOUNT_CANARY };

/** Every route that takes the SSN or the bank account, accepted and refused, with and without keys. */
export async function writeCanaries(writer: LedgerClient): Promise<number[]> {
  const sends = [
    {
      method: 'POST',
      path: '/v1/customers',
      idempotencyKey: 'canary-1',
      body: {
        customerId: 'C-7',
        name: 'Canary',
        email: 'c@example.com',
        mobile: '+12025550123',
        ssn: SSN_CANARY,
      },
    },
    {
      method: 'POST',
      path: '/v1/loans',
      body: {
        accountNumber: '30000001',
        customerId: 'C-7',
        vehicle: { vin: VIN, year: 2019, make: 'Honda', model: 'Accord' },
        principal: '5000.00',
        apr: '6.5',
        termMonths: 36,
        originationDate: '2026-01-02',
        firstPaymentDate: '2026-02-02',
        titleState: 'OK',
      },
    },
    {
      method: 'POST',
      path: '/v1/customers/C-7/vehicles',
      idempotencyKey: 'canary-2',
      body: { ssn: SSN_CANARY.replace(/-/g, ''), vin: VIN },
    },
    { method: 'POST', path: '/v1/customers/C-7/vehicles', body: { ssn: '111-22-3333', vin: VIN } },
    {
      method: 'PUT',
      path: '/v1/loans/30000001/autopay',
      idempotencyKey: 'canary-3',
      body: { fundingSource: BANK, amountRule: 'AMOUNT_DUE' },
    },
    {
      method: 'POST',
      path: '/v1/loans/30000001/payments',
      idempotencyKey: 'canary-4',
      body: { amount: '100.00', scheduledFor: '2026-01-20', fundingSource: BANK },
    },
    {
      method: 'POST',
      path: '/v1/loans/30000001/payments',
      idempotencyKey: 'canary-4',
      body: { amount: '101.00', scheduledFor: '2026-01-20', fundingSource: BANK },
    },
    {
      method: 'POST',
      path: '/v1/loans/30000001/payments',
      body: {
        amount: '-1',
        scheduledFor: '2026-01-20',
        fundingSource: { ...BANK, routingNumber: '011000016' },
      },
    },
    {
      method: 'PUT',
      path: '/v1/loans/30000001/text-pay',
      idempotencyKey: 'canary-5',
      body: { fundingSource: BANK },
    },
    {
      method: 'POST',
      path: '/v1/customers',
      body: {
        customerId: 'C-8',
        name: 'Canary',
        email: 'c@example.com',
        mobile: '+12025550123',
        ssn: `${SSN_CANARY}x`,
      },
    },
  ];
  const statuses: number[] = [];
  for (const send of sends) statuses.push((await writer.send(send)).status);
  return statuses;
}
