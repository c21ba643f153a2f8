import { BODY_LIMIT_BYTES } from '../../../../apps/ledger-api/src/http/body/json-body';
import { FIXTURE, HostileCase, LOAN_PATH } from './hostile-case';
import { VALID_REQUESTS } from './valid-requests';

const QUERIES = [
  'balance',
  'payoff-progress',
  'payments',
  'payoff-quote?asOf=2026-01-05',
  'title',
  'statements',
].map((query) => `${LOAN_PATH}/${query}`);

/** Missing and unknown keys (401) and a key without the route's scope (403), on every route. */
export const authCases = (): HostileCase[] => [
  ...Object.values(VALID_REQUESTS).flatMap((valid): HostileCase[] => [
    {
      name: `${valid.route}: no key`,
      method: valid.method,
      path: valid.path,
      body: valid.body,
      key: 'none',
      status: 401,
    },
    {
      name: `${valid.route}: unknown key`,
      method: valid.method,
      path: valid.path,
      body: valid.body,
      key: 'unknown',
      status: 401,
    },
    {
      name: `${valid.route}: key without the scope`,
      method: valid.method,
      path: valid.path,
      body: valid.body,
      key: 'auditor',
      status: 403,
    },
  ]),
  ...QUERIES.flatMap((path): HostileCase[] => [
    { name: `GET ${path}: no key`, method: 'GET', path, key: 'none', status: 401 },
    { name: `GET ${path}: commands key`, method: 'GET', path, key: 'writer', status: 403 },
  ]),
  {
    name: 'audit events with a queries key',
    method: 'GET',
    path: `/v1/audit/streams/loan-${FIXTURE.accountNumber}/events`,
    key: 'reader',
    status: 403,
  },
  {
    name: 'verify a projection with a commands key',
    method: 'POST',
    path: '/v1/audit/projections/loan-balance/verify',
    key: 'writer',
    status: 403,
  },
];

const fee = VALID_REQUESTS.chargeFee;
const schedule = VALID_REQUESTS.schedulePayment;
const json = (text: string): Pick<HostileCase, 'rawBody' | 'headers'> => ({
  rawBody: text,
  headers: { 'content-type': 'application/json' },
});

/** Bodies the JSON border refuses before any route sees them. */
export const bodyCases = (): HostileCase[] => [
  {
    name: 'duplicate amount key',
    method: 'POST',
    path: fee.path,
    ...json('{"amount":"1.00","amount":"900.00","reason":"x"}'),
    status: 400,
    field: 'amount',
  },
  {
    name: 'duplicate nested key',
    method: 'POST',
    path: schedule.path,
    status: 400,
    field: 'routingNumber',
    ...json(
      '{"amount":"1.00","scheduledFor":"2026-01-20","fundingSource":{"routingNumber":"011000015","routingNumber":"011000028","accountNumber":"000123456789"}}',
    ),
  },
  {
    name: '__proto__ key',
    method: 'POST',
    path: fee.path,
    ...json('{"amount":"1.00","reason":"x","__proto__":{"admin":true}}'),
    status: 400,
    field: '__proto__',
  },
  {
    name: 'nested __proto__ key',
    method: 'POST',
    path: schedule.path,
    status: 400,
    field: '__proto__',
    ...json(
      '{"amount":"1.00","scheduledFor":"2026-01-20","fundingSource":{"__proto__":{"x":1},"routingNumber":"011000015","accountNumber":"000123456789"}}',
    ),
  },
  {
    name: 'constructor.prototype key',
    method: 'POST',
    path: fee.path,
    ...json('{"amount":"1.00","reason":"x","constructor":{"prototype":{"x":1}}}'),
    status: 400,
    field: 'constructor',
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: fee.path,
    body: { ...fee.body, waived: true },
    status: 400,
    field: 'waived',
  },
  { name: 'truncated JSON', method: 'POST', path: fee.path, ...json('{"amount":"1.00",'), status: 400 },
  {
    name: 'array body',
    method: 'POST',
    path: fee.path,
    ...json('[{"amount":"1.00","reason":"x"}]'),
    status: 400,
  },
  { name: 'string body', method: 'POST', path: fee.path, ...json('"1.00"'), status: 400 },
  { name: 'null body', method: 'POST', path: fee.path, ...json('null'), status: 400 },
  { name: 'empty JSON body', method: 'POST', path: fee.path, ...json(''), status: 400 },
  {
    name: 'oversized body',
    method: 'POST',
    path: fee.path,
    ...json(JSON.stringify({ ...fee.body, reason: 'r'.repeat(BODY_LIMIT_BYTES + 10) })),
    status: 413,
  },
  {
    name: 'oversized body on open loan',
    method: 'POST',
    path: '/v1/loans',
    ...json(`{"pad":"${'p'.repeat(BODY_LIMIT_BYTES * 2)}"}`),
    status: 413,
  },
  {
    name: 'text/plain body',
    method: 'POST',
    path: fee.path,
    rawBody: JSON.stringify(fee.body),
    headers: { 'content-type': 'text/plain' },
    status: 415,
  },
  {
    name: 'form body',
    method: 'POST',
    path: fee.path,
    rawBody: 'amount=1.00&reason=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
  },
  {
    name: 'XML body',
    method: 'POST',
    path: fee.path,
    rawBody: '<fee><amount>1.00</amount></fee>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
  },
  {
    name: 'multipart body',
    method: 'POST',
    path: fee.path,
    rawBody: '--b\r\n\r\n1\r\n--b--',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    status: 415,
  },
  {
    name: 'idempotency key of 256 characters',
    method: 'POST',
    path: fee.path,
    body: fee.body,
    idempotencyKey: 'k'.repeat(256),
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'empty idempotency key',
    method: 'POST',
    path: fee.path,
    body: fee.body,
    idempotencyKey: '',
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'idempotency key reused with another body',
    method: 'POST',
    path: schedule.path,
    body: { ...schedule.body, amount: '999.00' },
    idempotencyKey: FIXTURE.usedIdempotencyKey,
    status: 422,
    reason: 'IDEMPOTENCY_KEY_REUSED',
  },
  {
    name: 'If-Match not a revision',
    method: 'POST',
    path: fee.path,
    body: fee.body,
    headers: { 'if-match': 'yesterday' },
    status: 400,
    field: 'If-Match',
  },
  {
    name: 'X-Min-Position not a position',
    method: 'GET',
    path: `${LOAN_PATH}/balance`,
    key: 'reader',
    headers: { 'x-min-position': '-1' },
    status: 400,
    field: 'X-Min-Position',
  },
];
