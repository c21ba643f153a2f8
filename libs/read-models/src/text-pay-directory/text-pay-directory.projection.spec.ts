import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@ledger/event-store';
import { openInMemoryStorage, Projector, silentLogger } from '../index';
import { textPayDirectoryProjection } from './text-pay-directory.projection';
import { loansEnrolledForTextPay } from './text-pay-directory.query';

const A = '+12025550123';
const B = '+12025550199';

async function directoryAfter(events: Array<[account: string, type: string, data: Record<string, unknown>]>) {
  const store = new InMemoryEventStore();
  for (const [account, type, data] of events) {
    const stream = await store.readStream(`loan-${account}`);
    const metadata = { schemaVersion: 1, occurredAt: '2026-01-05T00:00:00.000Z', correlationId: 'c', causationId: 'c', actor: 't' };
    await store.append(`loan-${account}`, [{ eventId: randomUUID(), type, data, metadata }], stream.length === 0 ? 'no_stream' : stream[stream.length - 1].revision);
  }
  const storage = openInMemoryStorage();
  const projector = new Projector({ eventStore: store, readStore: storage.readStore, checkpoints: storage.checkpoints, projections: [textPayDirectoryProjection], logger: silentLogger });
  await projector.start();
  const head = await store.headPosition();
  if (head) await projector.waitForPosition(head, 2000);
  await projector.stop();
  return (mobile: string) => loansEnrolledForTextPay(storage.readStore, mobile);
}

const enrolled = (mobileNumber: string) => ({ mobileNumber, fundingSourceId: 'fs', fundingLast4: '6789', enrolledOn: '2026-01-05' });

describe('the text-pay directory', () => {
  it('lists every loan enrolled with a number', async () => {
    const loansOf = await directoryAfter([['11111111', 'TextPayEnrolled', enrolled(A)], ['22222222', 'TextPayEnrolled', enrolled(A)]]);
    expect(await loansOf(A)).toEqual(['11111111', '22222222']);
  });

  it('moves a loan re-enrolled with another number', async () => {
    const loansOf = await directoryAfter([['11111111', 'TextPayEnrolled', enrolled(A)], ['11111111', 'TextPayEnrolled', enrolled(B)]]);
    expect([await loansOf(A), await loansOf(B)]).toEqual([[], ['11111111']]);
  });

  it.each(['TextPayCancelled', 'LoanPaidOff'])('forgets a loan on %s', async (type) => {
    const loansOf = await directoryAfter([['11111111', 'TextPayEnrolled', enrolled(A)], ['11111111', type, {}]]);
    expect(await loansOf(A)).toEqual([]);
  });
});
