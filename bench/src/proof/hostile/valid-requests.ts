import { BANK_ACCOUNT, FIXTURE, LOAN_PATH, VALID_VIN } from './hostile-case';

/** A valid request per command route; each hostile field case breaks exactly one field of one of these. */
export interface ValidRequest {
  route: string;
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  key: 'writer' | 'operator';
}

const channels = { email: true, text: false };
const payments = `${LOAN_PATH}/payments/${FIXTURE.paymentId}`;

export const VALID_REQUESTS: Record<string, ValidRequest> = {
  registerCustomer: {
    route: 'register customer',
    method: 'POST',
    path: '/v1/customers',
    key: 'writer',
    body: {
      customerId: 'C-2001',
      name: 'Bo Diaz',
      email: 'bo@example.com',
      mobile: '+12025550199',
      ssn: '987-65-4321',
    },
  },
  alertPreferences: {
    route: 'alert preferences',
    method: 'PUT',
    path: `/v1/customers/${FIXTURE.customerId}/alert-preferences`,
    key: 'writer',
    body: { payment: channels, dueDate: channels, title: channels, statements: channels },
  },
  linkVehicle: {
    route: 'link vehicle',
    method: 'POST',
    path: `/v1/customers/${FIXTURE.customerId}/vehicles`,
    key: 'writer',
    body: { ssn: '123-45-6789', vin: VALID_VIN },
  },
  creditScore: {
    route: 'credit score',
    method: 'POST',
    path: `/v1/customers/${FIXTURE.customerId}/credit-scores`,
    key: 'writer',
    body: { score: 742, model: 'FICO 8', bureau: 'EXPERIAN', asOf: '2026-01-04' },
  },
  openLoan: {
    route: 'open loan',
    method: 'POST',
    path: '/v1/loans',
    key: 'writer',
    body: {
      accountNumber: '87654321',
      customerId: FIXTURE.customerId,
      vehicle: { vin: VALID_VIN, year: 2019, make: 'Honda', model: 'Accord' },
      principal: '5000.00',
      apr: '6.5',
      termMonths: 36,
      originationDate: '2026-01-02',
      firstPaymentDate: '2026-02-02',
      titleState: 'OK',
    },
  },
  schedulePayment: {
    route: 'schedule payment',
    method: 'POST',
    path: `${LOAN_PATH}/payments`,
    key: 'writer',
    body: { amount: '200.00', scheduledFor: '2026-01-20', fundingSource: BANK_ACCOUNT },
  },
  settle: {
    route: 'settle',
    method: 'POST',
    path: `${payments}/settle`,
    key: 'writer',
    body: { settledOn: '2026-01-05' },
  },
  returnPayment: {
    route: 'return',
    method: 'POST',
    path: `${payments}/return`,
    key: 'writer',
    body: { returnCode: 'R01', returnedOn: '2026-01-05' },
  },
  externalPayment: {
    route: 'external payment',
    method: 'POST',
    path: `${LOAN_PATH}/external-payments`,
    key: 'writer',
    body: { channel: 'MONEYGRAM', amount: '100.00', receivedOn: '2026-01-05', agentFee: '9.99' },
  },
  chargeFee: {
    route: 'charge fee',
    method: 'POST',
    path: `${LOAN_PATH}/fees`,
    key: 'writer',
    body: { amount: '15.00', reason: 'Title copy' },
  },
  waiveFee: {
    route: 'waive fee',
    method: 'POST',
    path: `${LOAN_PATH}/fees/${FIXTURE.feeId}/waive`,
    key: 'writer',
    body: { reason: 'Courtesy' },
  },
  autopay: {
    route: 'autopay',
    method: 'PUT',
    path: `${LOAN_PATH}/autopay`,
    key: 'writer',
    body: {
      fundingSource: BANK_ACCOUNT,
      amountRule: 'FIXED',
      fixedAmount: '500.00',
      extraPrincipal: '10.00',
      draftDaysBeforeDue: 3,
    },
  },
  refund: {
    route: 'refund',
    method: 'POST',
    path: `${LOAN_PATH}/refunds`,
    key: 'writer',
    body: { amount: '10.00', refundedOn: '2026-01-05' },
  },
  lienRelease: {
    route: 'lien release',
    method: 'POST',
    path: `${LOAN_PATH}/title/lien-release`,
    key: 'writer',
    body: { releasedOn: '2026-01-05' },
  },
  titleMailed: {
    route: 'title mailed',
    method: 'POST',
    path: `${LOAN_PATH}/title/mailed`,
    key: 'writer',
    body: { carrier: 'USPS', trackingNumber: '9400111899223344556677', mailedOn: '2026-01-05' },
  },
  titleDelivered: {
    route: 'title delivered',
    method: 'POST',
    path: `${LOAN_PATH}/title/delivered`,
    key: 'writer',
    body: { deliveredOn: '2026-01-05' },
  },
  businessDay: {
    route: 'business day',
    method: 'POST',
    path: '/v1/operations/business-days',
    key: 'operator',
    body: { date: '2026-01-05' },
  },
  smsInbound: {
    route: 'sms inbound',
    method: 'POST',
    path: '/v1/sms/inbound',
    key: 'writer',
    body: { from: '+12025550123', body: 'PAY' },
  },
};
