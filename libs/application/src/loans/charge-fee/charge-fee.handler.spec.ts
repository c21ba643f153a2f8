import { DomainError } from '@ledger/domain';
import { EventStore, InMemoryEventStore, streamRevision } from '@ledger/event-store';
import { ACCOUNT_NUMBER, loanStreamsOver, metadata, storeWithOpenLoan } from '../loan-handler.fixtures';
import { ChargeFeeCommand } from './charge-fee.command';
import { ChargeFeeHandler } from './charge-fee.handler';

const STREAM = `loan-${ACCOUNT_NUMBER}`;
const charge = (feeId: string, amount = '15.00') => ({
  accountNumber: ACCOUNT_NUMBER,
  feeId,
  amount,
  reason: 'Title copy',
});

/** Appends another writer's fee just before the handler's first append, so that append conflicts. */
function withOneConcurrentWriter(store: InMemoryEventStore): EventStore {
  let interfered = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (!interfered) {
          interfered = true;
          const other = new ChargeFeeHandler(loanStreamsOver(target));
          await other.execute(new ChargeFeeCommand(charge('other-writer'), metadata({ actor: 'other' })));
        }
        return target.append(...args);
      };
    },
  });
}

describe('given an opened loan, charging a fee', () => {
  it('writes FeeCharged with the command metadata and its schema version', async () => {
    const { store, loans } = await storeWithOpenLoan();
    const result = await new ChargeFeeHandler(loans).execute(
      new ChargeFeeCommand(charge('fee-1'), metadata({ idempotencyKey: 'POST /v1/loans/12345678/fees k-1' })),
    );
    const [written] = await store.readStream(STREAM, { fromRevision: streamRevision(1) });
    expect(result).toMatchObject({
      streamId: STREAM,
      revision: 1,
      feeId: 'fee-1',
      events: [{ type: 'FeeCharged' }],
    });
    expect(written.data).toMatchObject({
      feeId: 'fee-1',
      kind: 'OTHER',
      amount: '15.00',
      chargedOn: '2026-01-05',
    });
    expect(written.metadata).toMatchObject({
      actor: 'servicing-desk',
      correlationId: 'correlation-1',
      causationId: 'causation-1',
      idempotencyKey: 'POST /v1/loans/12345678/fees k-1',
      schemaVersion: 1,
    });
  });

  it('names the fee from the idempotency key when the client did not', async () => {
    const { loans } = await storeWithOpenLoan();
    const input = { accountNumber: ACCOUNT_NUMBER, amount: '15.00', reason: 'Title copy' };
    const result = await new ChargeFeeHandler(loans).execute(
      new ChargeFeeCommand(input, metadata({ idempotencyKey: 'k-2' })),
    );
    expect(result.feeId).toMatch(/^fee-[0-9a-f-]{36}$/);
  });

  it('writes nothing when the decider refuses (the fee id exists)', async () => {
    const { store, loans } = await storeWithOpenLoan();
    const handler = new ChargeFeeHandler(loans);
    await handler.execute(new ChargeFeeCommand(charge('fee-1'), metadata()));
    const head = await store.headPosition();
    await expect(handler.execute(new ChargeFeeCommand(charge('fee-1'), metadata()))).rejects.toMatchObject({
      kind: 'RuleViolated',
      reason: 'FEE_ALREADY_EXISTS',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('decides again on the newer state when another writer appended first', async () => {
    const { store } = await storeWithOpenLoan();
    const handler = new ChargeFeeHandler(loanStreamsOver(withOneConcurrentWriter(store)));
    const result = await handler.execute(new ChargeFeeCommand(charge('fee-1'), metadata()));
    const feeIds = (await store.readStream(STREAM))
      .filter((event) => event.type === 'FeeCharged')
      .map((event) => event.data.feeId);
    expect(feeIds).toEqual(['other-writer', 'fee-1']);
    expect(result.revision).toBe(2);
  });

  it('refuses with RevisionConflict when If-Match names a revision the stream has left', async () => {
    const { store, loans } = await storeWithOpenLoan();
    const handler = new ChargeFeeHandler(loans);
    await handler.execute(new ChargeFeeCommand(charge('fee-1'), metadata()));
    const refusal = handler.execute(new ChargeFeeCommand(charge('fee-2'), metadata({ expectedRevision: 0 })));
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ kind: 'RevisionConflict', reason: 'IF_MATCH_FAILED' });
    expect((await store.readStream(STREAM)).length).toBe(2);
  });

  it('answers 404-worthy NotFound on an account with no loan', async () => {
    const { loans } = await storeWithOpenLoan();
    const input = { ...charge('fee-1'), accountNumber: '87654321' };
    await expect(
      new ChargeFeeHandler(loans).execute(new ChargeFeeCommand(input, metadata())),
    ).rejects.toMatchObject({
      kind: 'NotFound',
      reason: 'LOAN_NOT_FOUND',
    });
  });
});
