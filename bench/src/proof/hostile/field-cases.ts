import { HostileCase, withField } from './hostile-case';
import { VALID_REQUESTS } from './valid-requests';

/** Money that no amount field may accept: each is a 400 naming the field. */
export const BAD_AMOUNTS: ReadonlyArray<[string, unknown]> = [
  ['negative', '-1.00'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['exponent', '1e3'],
  ['three decimals', '10.005'],
  ['huge', '1000000000.00'],
  ['absurdly huge', '9'.repeat(400)],
  ['JSON number', 100],
  ['JSON fraction', 10.5],
  ['empty', ''],
  ['padded', ' 10.00'],
  ['thousands separator', '1,000.00'],
  ['Arabic-Indic digits', '١٠٠.٠٠'],
  ['fullwidth digits', '１００.００'],
  ['plus sign', '+10.00'],
  ['hex', '0x10'],
  ['boolean', true],
  ['object', { value: '10.00' }],
];

/** Zero is refused only where the amount must be positive. */
const ZERO_AMOUNTS: ReadonlyArray<[string, unknown]> = [
  ['zero', '0.00'],
  ['bare zero', '0'],
];

/** Dates no date field may accept: malformed, impossible, or not digits. */
export const BAD_DATES: ReadonlyArray<[string, unknown]> = [
  ['February 30', '2026-02-30'],
  ['month 13', '2026-13-01'],
  ['unpadded', '2026-1-5'],
  ['no dashes', '20260105'],
  ['JSON number', 20260105],
  ['timestamp', '2026-01-05T00:00:00Z'],
  ['Arabic-Indic digits', '٢٠٢٦-٠١-٠٥'],
  ['empty', ''],
  ['year 0000', '0000-01-01'],
];

/** [request, field, positive, required]: every money field of every route. */
const MONEY_FIELDS: ReadonlyArray<[keyof typeof VALID_REQUESTS, string, boolean, boolean]> = [
  ['openLoan', 'principal', true, true],
  ['schedulePayment', 'amount', true, true],
  ['externalPayment', 'amount', true, true],
  ['externalPayment', 'agentFee', false, false],
  ['chargeFee', 'amount', true, true],
  ['autopay', 'fixedAmount', true, false],
  ['autopay', 'extraPrincipal', false, false],
  ['refund', 'amount', true, true],
];

/** [request, field]: every date field of every command route. */
const DATE_FIELDS: ReadonlyArray<[keyof typeof VALID_REQUESTS, string]> = [
  ['openLoan', 'originationDate'],
  ['openLoan', 'firstPaymentDate'],
  ['schedulePayment', 'scheduledFor'],
  ['settle', 'settledOn'],
  ['returnPayment', 'returnedOn'],
  ['externalPayment', 'receivedOn'],
  ['refund', 'refundedOn'],
  ['lienRelease', 'releasedOn'],
  ['titleMailed', 'mailedOn'],
  ['titleDelivered', 'deliveredOn'],
  ['creditScore', 'asOf'],
  ['businessDay', 'date'],
];

const fieldCase = (
  request: keyof typeof VALID_REQUESTS,
  field: string,
  label: string,
  value: unknown,
  status = 400,
): HostileCase => {
  const valid = VALID_REQUESTS[request];
  return {
    name: `${valid.route}: ${field} ${label}`,
    method: valid.method,
    path: valid.path,
    body: withField(valid.body, field, value),
    key: valid.key,
    status,
    field,
  };
};

export const moneyCases = (): HostileCase[] =>
  MONEY_FIELDS.flatMap(([request, field, positive, required]) => [
    ...BAD_AMOUNTS.map(([label, value]) => fieldCase(request, field, label, value)),
    ...(positive ? ZERO_AMOUNTS.map(([label, value]) => fieldCase(request, field, label, value)) : []),
    ...(required
      ? [fieldCase(request, field, 'missing', undefined), fieldCase(request, field, 'null', null)]
      : []),
  ]);

export const dateCases = (): HostileCase[] =>
  DATE_FIELDS.flatMap(([request, field]) =>
    BAD_DATES.map(([label, value]) => fieldCase(request, field, label, value)),
  );

export { fieldCase };
