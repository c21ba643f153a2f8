import { CommandApp, KEYS, LOAN, as, customerWithLoan, startCommandApp } from './support/command-app';
import { request } from './support/unauthenticated';

const ACCT = LOAN.accountNumber;
/** Every command route of api.md (the SMS webhook belongs to the inbound-text slice). */
const ROUTES: ReadonlyArray<['post' | 'put' | 'delete', string]> = [
  ['post', '/v1/customers'],
  ['put', '/v1/customers/C-1001/alert-preferences'],
  ['post', '/v1/customers/C-1001/vehicles'],
  ['post', '/v1/customers/C-1001/credit-scores'],
  ['post', '/v1/loans'],
  ['post', `/v1/loans/${ACCT}/payments`],
  ['post', `/v1/loans/${ACCT}/payments/p-1/cancel`],
  ['post', `/v1/loans/${ACCT}/payments/p-1/settle`],
  ['post', `/v1/loans/${ACCT}/payments/p-1/return`],
  ['post', `/v1/loans/${ACCT}/external-payments`],
  ['post', `/v1/loans/${ACCT}/fees`],
  ['post', `/v1/loans/${ACCT}/fees/fee-1/waive`],
  ['put', `/v1/loans/${ACCT}/autopay`],
  ['delete', `/v1/loans/${ACCT}/autopay`],
  ['put', `/v1/loans/${ACCT}/text-pay`],
  ['delete', `/v1/loans/${ACCT}/text-pay`],
  ['post', `/v1/loans/${ACCT}/title/lien-release`],
  ['post', `/v1/loans/${ACCT}/title/mailed`],
  ['post', `/v1/loans/${ACCT}/title/delivered`],
  ['post', `/v1/loans/${ACCT}/refunds`],
];
const WITHOUT_COMMANDS_SCOPE = [
  ['queries', KEYS.reader],
  ['audit', KEYS.auditor],
  ['operations', KEYS.operator],
] as const;

describe('the commands scope on every command route', () => {
  let ledger: CommandApp;
  beforeAll(async () => {
    ledger = await startCommandApp();
    await customerWithLoan(ledger.app);
  });
  afterAll(() => ledger.close());

  it.each(ROUTES)('%s %s answers 401 without a key and 401 with an unknown one', async (method, path) => {
    const head = await ledger.store.headPosition();
    await as(ledger.app, 'unknown-secret-0123456789')[method](path).send({}).expect(401);
    await request(ledger.app)[method](path).send({}).expect(401);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it.each(
    ROUTES.flatMap(([method, path]) =>
      WITHOUT_COMMANDS_SCOPE.map(([scope, secret]) => ({ method, path, scope, secret })),
    ),
  )('$method $path answers 403 to a key with only the $scope scope', async ({ method, path, secret }) => {
    const head = await ledger.store.headPosition();
    const response = await as(ledger.app, secret)[method](path).send({}).expect(403);
    expect(response.body.reason).toBe('SCOPE_MISSING');
    expect(await ledger.store.headPosition()).toBe(head);
  });
});
