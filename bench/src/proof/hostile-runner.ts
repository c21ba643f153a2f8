import { LedgerClient, Reply } from './client';
import { BANK_ACCOUNT, FIXTURE, HostileCase } from './hostile-corpus';
import { VALID_REQUESTS } from './hostile/valid-requests';

export interface HostileOutcome {
  name: string;
  status: number;
  /** Empty when the answer is exactly what the case expects. */
  failures: string[];
}

type Clients = (key: Exclude<HostileCase['key'], 'none' | undefined>) => LedgerClient;

/** Sends one case with the key it asks for (the route's own scope by default) and judges the answer. */
export async function runHostileCase(clients: Clients, hostile: HostileCase): Promise<HostileOutcome> {
  const defaultKey = hostile.method === 'GET' ? 'reader' : 'writer';
  const key = hostile.key ?? defaultKey;
  const headers = { ...hostile.headers };
  const client = clients(key === 'none' ? 'writer' : key);
  const reply = await client.send({
    method: hostile.method,
    path: hostile.path,
    body: hostile.body,
    rawBody: hostile.rawBody,
    idempotencyKey: hostile.idempotencyKey,
    headers: key === 'none' ? { ...headers, authorization: '' } : headers,
  });
  return { name: hostile.name, status: reply.status, failures: judge(hostile, reply) };
}

function judge(hostile: HostileCase, reply: Reply): string[] {
  const failures: string[] = [];
  if (reply.status >= 500) failures.push(`server error ${reply.status}`);
  if (reply.status !== hostile.status) failures.push(`status ${reply.status}, expected ${hostile.status}`);
  const contentType = reply.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) failures.push(`content-type "${contentType}"`);
  const problem = (typeof reply.body === 'object' && reply.body !== null ? reply.body : {}) as Record<
    string,
    unknown
  >;
  if (problem.status !== reply.status) failures.push('problem.status missing or different');
  if (hostile.reason !== undefined && problem.reason !== hostile.reason)
    failures.push(`reason ${String(problem.reason)}, expected ${hostile.reason}`);
  if (hostile.field !== undefined && !namesField(problem, hostile.field)) {
    failures.push(`problem does not name ${hostile.field}: ${JSON.stringify(problem).slice(0, 300)}`);
  }
  return failures;
}

/** The field is named in `errors[].field` (the exact path, or its last segment), else in `detail`. */
function namesField(problem: Record<string, unknown>, field: string): boolean {
  const errors = Array.isArray(problem.errors) ? (problem.errors as Array<Record<string, unknown>>) : [];
  const last = field.split('.').pop() ?? field;
  if (errors.some((error) => error.field === field || error.field === last)) return true;
  const detail = String(problem.detail ?? '');
  return detail.includes(field) || detail.includes(last);
}

/** The state the corpus assumes (FIXTURE); fails loudly if the ledger refuses any of it. */
export async function seedHostileFixture(writer: LedgerClient): Promise<void> {
  const steps = [
    {
      method: 'POST',
      path: '/v1/customers',
      body: {
        customerId: FIXTURE.customerId,
        name: 'Ana Lopez',
        email: 'ana@example.com',
        mobile: '+12025550123',
        ssn: '123-45-6789',
      },
    },
    {
      method: 'POST',
      path: '/v1/loans',
      body: { ...VALID_REQUESTS.openLoan.body, accountNumber: FIXTURE.accountNumber },
    },
    {
      method: 'POST',
      path: `/v1/loans/${FIXTURE.accountNumber}/payments`,
      idempotencyKey: FIXTURE.usedIdempotencyKey,
      body: {
        paymentId: FIXTURE.paymentId,
        amount: '200.00',
        scheduledFor: '2026-01-20',
        fundingSource: BANK_ACCOUNT,
      },
    },
    {
      method: 'POST',
      path: `/v1/loans/${FIXTURE.accountNumber}/fees`,
      body: { feeId: FIXTURE.feeId, amount: '15.00', reason: 'Title copy' },
    },
  ];
  for (const step of steps) {
    const reply = await writer.send(step);
    if (reply.status >= 300)
      throw new Error(
        `fixture ${step.method} ${step.path} answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
  }
}
