import { handleCommand, LOAN_STREAM } from '@ledger/application';
import { BusinessDate, Instant, LoanCommand, loanDecider, Money, parsePaymentId } from '@ledger/domain';
import { InMemoryEventStore } from '@ledger/event-store';
import {
  allProjections,
  checkpointName,
  loanBalanceProjection,
  openInMemoryStorage,
  Projection,
  Projector,
  silentLogger,
} from '@ledger/read-models';
import { waitForCatchUp } from '../in-process-ledger';
import { openLoanCommand } from '../simulation/simulated-commands';

export interface PoisonReport {
  head: string | null;
  poisonPosition: string | null;
  poisonedState: string | null;
  poisonedCheckpoint: string | null;
}

/** loan-balance under another name, throwing on the payment named `poison`: a poison event for it alone. */
const healthy = loanBalanceProjection as unknown as Projection;
const poisoned: Projection = {
  ...healthy,
  name: 'poisoned-loan-balance',
  evolve: (document, event, context) => {
    if (event.data.paymentId === 'poison') throw new Error('poison event');
    return healthy.evolve(document, event, context);
  },
};

/**
 * Runs every projection plus the poisoned one over a log with one poison event in the middle:
 * only the poisoned projection must stop (failed, checkpoint before the poison); every other one
 * reaches the head (waitForCatchUp waits for allProjections, and times out otherwise).
 */
export async function runPoisonEvent(): Promise<PoisonReport> {
  const store = new InMemoryEventStore();
  const storage = openInMemoryStorage();
  const context = { businessDate: '2026-01-05' as BusinessDate, now: '2026-01-05T15:00:00.000Z' as Instant };
  const send = (command: LoanCommand, key: string) =>
    handleCommand(
      store,
      LOAN_STREAM,
      'loan-80000001',
      (state) => loanDecider.decide(command, state, context),
      { actor: 'proof', correlationId: key, causationId: key, occurredAt: context.now },
    );
  await send(openLoanCommand('80000001'), 'open');
  for (const paymentId of ['before', 'poison', 'after']) {
    await send(
      {
        type: 'RecordExternalPayment',
        data: {
          paymentId: parsePaymentId(paymentId),
          channel: 'MAIL',
          amount: Money.parse('10.00'),
          receivedOn: context.businessDate,
        },
      },
      paymentId,
    );
  }
  const projector = new Projector({
    eventStore: store,
    readStore: storage.readStore,
    checkpoints: storage.checkpoints,
    projections: [...allProjections, poisoned],
    logger: silentLogger,
  });
  await projector.start();
  try {
    await waitForCatchUp(store, storage, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const head = await store.headPosition();
    const poisonPosition =
      (await store.readAll({})).find((event) => event.data.paymentId === 'poison')?.position ?? null;
    const status = await storage.checkpoints.getStatus(poisoned.name, poisoned.version);
    return {
      head,
      poisonPosition,
      poisonedState: status?.state ?? null,
      poisonedCheckpoint: await storage.checkpoints.get(checkpointName(poisoned.name, poisoned.version)),
    };
  } finally {
    await projector.stop();
  }
}
