/** One hostile request and the exact answer the ledger owes it (api.md, "Cross-cutting rules"). */
export interface HostileCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Sent as JSON; ignored when rawBody is set. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** 'none' sends no Authorization header; the default is the key with the route's scope. */
  key?: 'writer' | 'reader' | 'auditor' | 'operator' | 'none' | 'unknown';
  idempotencyKey?: string;
  status: number;
  /** A field the problem must name (in `errors[].field`, else in `detail`). */
  field?: string;
  reason?: string;
}

/** The state every case runs against: this customer, loan, scheduled payment and fee exist. */
export const FIXTURE = {
  customerId: 'C-1001',
  accountNumber: '12345678',
  paymentId: 'pay-fixture',
  feeId: 'fee-fixture',
  /** A schedule-payment request already sent with this key (for the 422 case). */
  usedIdempotencyKey: 'fixture-key-1',
  businessDate: '2026-01-05',
} as const;

export const LOAN_PATH = `/v1/loans/${FIXTURE.accountNumber}`;
export const BANK_ACCOUNT = { routingNumber: '011000015', accountNumber: '000123456789' };
export const VALID_VIN = '1M8GDM9AXKP042788';
/** The same VIN with a wrong check digit (position 9). */
export const BAD_CHECK_DIGIT_VIN = '1M8GDM9A1KP042788';

/** Sets `path` (dotted) in a deep copy of `body` to `value`; `undefined` deletes it. */
export function withField(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const parts = path.split('.');
  let target = copy;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  const last = parts[parts.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}
