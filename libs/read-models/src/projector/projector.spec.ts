import { globalPosition, streamRevision } from '@ledger/event-store';
import { collectionName } from '../projection';
import { openInMemoryStorage } from '../stores/in-memory/open-in-memory-storage';
import type { ReadModelStorage } from '../stores/open-read-store';
import { FakeEventStore } from '../testing/fake-event-store';
import { customerPayments, eventCounts, newEvent } from '../testing/projector-fixtures';
import { Projector, ProjectorOptions } from './projector';
import { ProjectorLogger, silentLogger } from './projector-logger';
import { InMemoryMetrics } from './projector-metrics';
import { RebuildProgress } from './rebuild-tracker';

const counts = (version = 1, name = 'event-counts') => collectionName(name, version, 'counts');
const labels = { projection: 'event-counts', version: '1' };

describe('Projector', () => {
  let eventStore: FakeEventStore;
  let storage: ReadModelStorage;
  let metrics: InMemoryMetrics;
  const running: Projector[] = [];

  const startProjector = async (options: Partial<ProjectorOptions> = {}): Promise<Projector> => {
    const projector = new Projector({
      eventStore,
      readStore: storage.readStore,
      checkpoints: storage.checkpoints,
      projections: [eventCounts()],
      metrics,
      logger: silentLogger,
      maxBatchSize: 2,
      ...options,
    });
    running.push(projector);
    await projector.start();
    return projector;
  };
  const countOf = async (streamId: string, collection = counts()) =>
    (await storage.readStore.get(collection, streamId))?.document.count ?? null;
  /** Polls a condition the projector does not signal (tests only). */
  const until = async (condition: () => Promise<boolean> | boolean) => {
    for (let attempt = 0; attempt < 200 && !(await condition()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const head = async () => (await eventStore.headPosition()) ?? globalPosition(0);

  beforeEach(async () => {
    eventStore = new FakeEventStore();
    storage = openInMemoryStorage();
    metrics = new InMemoryMetrics();
    await eventStore.append('loan-1', [newEvent('LoanOpened'), newEvent('PaymentScheduled'), newEvent('PaymentSettled')]);
    await eventStore.append('customer-7', [newEvent('CustomerRegistered'), newEvent('Ignored')]);
    await eventStore.append('audit-1', [newEvent('SomethingElse')]);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((projector) => projector.stop()));
  });

  describe('when started on an existing log', () => {
    it('catches up on loan and customer streams only, skipping what the projection does not handle', async () => {
      const projector = await startProjector();
      expect(await projector.waitForPosition(globalPosition(5), 2000)).toBe(true);
      expect(await countOf('loan-1')).toBe(3);
      expect(await countOf('customer-7')).toBe(1);
      expect(await countOf('audit-1')).toBeNull();
      expect(await storage.checkpoints.get('event-counts_v1')).toBe('5');
    });

    it('goes live: a later append is projected', async () => {
      const projector = await startProjector();
      await projector.waitForPosition(globalPosition(5), 2000);
      const appended = await eventStore.append('loan-1', [newEvent('PaymentSubmitted')]);
      expect(await projector.waitForPosition(appended.position, 2000)).toBe(true);
      expect(await countOf('loan-1')).toBe(4);
    });

    it('reaches a position written to a stream it does not project', async () => {
      const projector = await startProjector();
      await projector.waitForPosition(globalPosition(5), 2000);
      const elsewhere = await eventStore.append('ledger-business-days', [newEvent('BusinessDayCompleted')]);
      expect(await projector.waitForPosition(elsewhere.position, 500)).toBe(true);
    });

    it('does not count a position of another stream as reached while a projected event before it is pending', async () => {
      const projector = await startProjector({ projections: [eventCounts(), eventCounts(1, 'fragile-counts')] });
      await projector.waitForPosition(globalPosition(5), 2000);
      await eventStore.append('loan-1', [newEvent('Poison')]);
      const elsewhere = await eventStore.append('ledger-business-days', [newEvent('BusinessDayCompleted')]);
      expect(await projector.waitForPosition(elsewhere.position, 500)).toBe(false);
    });

    it('reports batch sizes, processed events and lag', async () => {
      const projector = await startProjector();
      await projector.waitForPosition(globalPosition(5), 2000);
      expect(metrics.counter('projector_events_processed_total', labels)).toBe(5);
      expect(metrics.gauge('projector_batch_size', labels)).toBeLessThanOrEqual(2);
      expect(metrics.counter('projector_batches_total', labels)).toBe(3);
      await until(() => metrics.gauge('projector_lag_seconds', labels) === 0);
      expect(metrics.gauge('projector_lag_events', labels)).toBe(0);
    });
  });

  describe('after a restart', () => {
    it('resumes from its checkpoint without repeating an event', async () => {
      const first = await startProjector();
      await first.waitForPosition(globalPosition(5), 2000);
      await first.stop();
      const appended = await eventStore.append('loan-1', [newEvent('PaymentSubmitted')]);
      const second = await startProjector();
      expect(await second.waitForPosition(appended.position, 2000)).toBe(true);
      expect(await countOf('loan-1')).toBe(4);
      expect(metrics.counter('projector_events_processed_total', labels)).toBe(6);
    });

    it('changes nothing when the subscription redelivers a suffix', async () => {
      const first = await startProjector();
      await first.waitForPosition(globalPosition(5), 2000);
      await first.stop();
      eventStore.redeliver = 4;
      const appended = await eventStore.append('customer-7', [newEvent('ContactDetailsUpdated')]);
      const second = await startProjector();
      expect(await second.waitForPosition(appended.position, 2000)).toBe(true);
      expect(await countOf('loan-1')).toBe(3);
      expect(await countOf('customer-7')).toBe(2);
    });
  });

  describe('when a projection meets a poison event', () => {
    const fragile = eventCounts(1, 'fragile-counts');
    let logged: string[];
    const logger: ProjectorLogger = { ...silentLogger, error: (message) => logged.push(message) };

    beforeEach(async () => {
      logged = [];
      await eventStore.append('loan-2', [newEvent('Poison'), newEvent('PaymentScheduled')]);
    });

    it('stops that projection at the event and records why, while the others go on', async () => {
      const projector = await startProjector({ projections: [eventCounts(), fragile], logger });
      expect(await projector.waitForPosition(globalPosition(8), 2000)).toBe(false);
      await until(async () => (await storage.checkpoints.get('event-counts_v1')) === '8');
      expect(await countOf('loan-2')).toBe(2);
      expect(await storage.checkpoints.get('fragile-counts_v1')).toBe('5');
      expect(await storage.checkpoints.getStatus('fragile-counts', 1)).toMatchObject({
        state: 'failed',
        position: '7',
        error: 'Error: cannot fold Poison',
      });
      expect(logged).toEqual(['projection stopped at a poison event']);
    });

    it('never skips it: a restart stops at the same event again', async () => {
      const first = await startProjector({ projections: [fragile], logger });
      await first.waitForPosition(globalPosition(8), 500);
      await first.stop();
      const second = await startProjector({ projections: [fragile], logger });
      expect(await second.waitForPosition(globalPosition(7), 2000)).toBe(false);
      expect(await countOf('loan-2', counts(1, 'fragile-counts'))).toBeNull();
      expect(await storage.checkpoints.get('fragile-counts_v1')).toBe('5');
    });
  });

  describe('rebuild', () => {
    it('builds the new version beside the old one, then switches the active version', async () => {
      const projector = await startProjector();
      await projector.waitForPosition(globalPosition(5), 2000);
      const progress: RebuildProgress[] = [];
      await projector.rebuild(eventCounts(2), { onProgress: (report) => progress.push(report) });
      expect(await storage.checkpoints.getActiveVersion('event-counts')).toBe(2);
      expect(await countOf('loan-1', counts(2))).toBe(6);
      expect(await countOf('loan-1', counts(1))).toBe(3);
      expect(progress[progress.length - 1]).toMatchObject({ version: 2, processed: 5, headPosition: '6', fraction: 1 });
    });

    it('leaves the new version serving live and the old one frozen', async () => {
      const projector = await startProjector();
      await projector.rebuild(eventCounts(2));
      const appended = await eventStore.append('loan-1', [newEvent('PaymentSubmitted')]);
      expect(await projector.waitForPosition(appended.position, 2000)).toBe(true);
      expect(await countOf('loan-1', counts(2))).toBe(8);
      expect(await countOf('loan-1', counts(1))).toBe(3);
      expect(await storage.checkpoints.getStatus('event-counts', 2)).toMatchObject({ state: 'running' });
    });

    it('refuses a version that is not above the active one', async () => {
      const projector = await startProjector();
      await expect(projector.rebuild(eventCounts(1))).rejects.toThrow(/bump its version/);
    });

    it('happens in the background when the code is newer than the active version', async () => {
      await (await startProjector()).stop();
      const upgraded = await startProjector({ projections: [eventCounts(2)] });
      expect(await upgraded.waitForPosition(globalPosition(5), 2000)).toBe(true);
      expect(await storage.checkpoints.getActiveVersion('event-counts')).toBe(2);
      expect(await countOf('customer-7', counts(2))).toBe(2);
    });
  });

  describe('documents it wrote itself', () => {
    it('folds the next batch from memory instead of reading them back', async () => {
      const projector = await startProjector();
      expect(await projector.waitForPosition(await head(), 2000)).toBe(true);
      const reads = jest.spyOn(storage.readStore, 'getMany');
      const read = jest.spyOn(storage.readStore, 'get');
      await eventStore.append('loan-1', [newEvent('PaymentScheduled')], streamRevision(2));
      expect(await projector.waitForPosition(await head(), 2000)).toBe(true);
      const readsOfLoan = [...reads.mock.calls, ...read.mock.calls].filter(([collection]) => collection === counts());
      reads.mockRestore();
      read.mockRestore();
      expect(readsOfLoan).toEqual([]);
      expect(await countOf('loan-1')).toBe(4);
    });

    it('reads the store again once another projector moved its checkpoint', async () => {
      const projector = await startProjector();
      expect(await projector.waitForPosition(await head(), 2000)).toBe(true);
      // Another projector process applies the next event (count 4) and moves the checkpoint past it.
      await eventStore.append('loan-1', [newEvent('PaymentScheduled')], streamRevision(2));
      const position = (await head()) as ReturnType<typeof globalPosition>;
      const current = await storage.checkpoints.get('event-counts_v1');
      await storage.readStore.applyBatch({
        changes: [{ op: 'upsert', collection: counts(), id: 'loan-1', document: { streamId: 'loan-1', count: 40 }, position }],
        checkpoint: { name: 'event-counts_v1', expected: current, position },
      });
      await eventStore.append('loan-1', [newEvent('PaymentScheduled')], streamRevision(3));
      await until(async () => (await countOf('loan-1')) !== 40);
      expect(await countOf('loan-1')).toBe(41);
    });
  });

  describe('waitForPosition', () => {
    it('answers false when the projections do not get there in time', async () => {
      const projector = await startProjector();
      expect(await projector.waitForPosition(globalPosition(99), 50)).toBe(false);
    });

    it('wakes up when a later append is projected', async () => {
      const projector = await startProjector();
      await projector.waitForPosition(globalPosition(5), 2000);
      const waiting = projector.waitForPosition(globalPosition(7), 2000);
      await eventStore.append('loan-3', [newEvent('LoanOpened')]);
      await eventStore.append('loan-3', [newEvent('PaymentScheduled')]);
      expect(await waiting).toBe(true);
    });
  });

  it('updates a document reached through a lookup document', async () => {
    await eventStore.append('loan-9', [newEvent('LoanOpened', { customerId: 'cust-1' })]);
    await eventStore.append('loan-9', [newEvent('PaymentSettled'), newEvent('PaymentSettled')]);
    const projector = await startProjector({ projections: [customerPayments] });
    expect(await projector.waitForPosition(await head(), 2000)).toBe(true);
    const customer = await storage.readStore.get(collectionName('customer-payments', 1, 'customers'), 'cust-1');
    expect(customer?.document).toEqual({ loans: ['loan-9'], payments: 2, paidBy: 'cust-1' });
  });
});
