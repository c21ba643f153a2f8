import { compareGlobalPositions, EventStore, GlobalPosition, RecordedEvent } from '@ledger/event-store';

/** One broken invariant, named so a failing run says which rule and which stream. */
export interface InvariantViolation {
  invariant: string;
  subject: string;
  detail: string;
}

/** The whole global log in order, page by page (a proof run holds at most a few hundred thousand events). */
export async function readWholeLog(store: EventStore, pageSize = 10_000): Promise<RecordedEvent[]> {
  const log: RecordedEvent[] = [];
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll({ afterPosition: after, limit: pageSize });
    if (page.length === 0) return log;
    log.push(...page);
    after = page[page.length - 1].position;
  }
}

export const byStream = (log: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  return streams;
};

/** Global positions strictly increase; every stream's revisions run 0, 1, 2... with no gap or repeat. */
export function checkRevisionsContiguous(log: readonly RecordedEvent[]): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  for (let index = 1; index < log.length; index += 1) {
    if (compareGlobalPositions(log[index - 1].position, log[index].position) >= 0) {
      violations.push({
        invariant: 'global-order',
        subject: log[index].position,
        detail: `position ${log[index].position} follows ${log[index - 1].position}`,
      });
    }
  }
  for (const [streamId, events] of byStream(log)) {
    events.forEach((event, expected) => {
      if (event.revision !== expected) {
        violations.push({
          invariant: 'revisions-contiguous',
          subject: streamId,
          detail: `revision ${event.revision} where ${expected} was expected`,
        });
      }
    });
  }
  return violations;
}

/** A payment settles at most once (a return does not make a second settlement legitimate). */
export function checkSettledAtMostOnce(log: readonly RecordedEvent[]): InvariantViolation[] {
  const settlements = new Map<string, number>();
  for (const event of log) {
    if (event.type !== 'PaymentSettled') continue;
    const key = `${event.streamId} ${String(event.data.paymentId)}`;
    settlements.set(key, (settlements.get(key) ?? 0) + 1);
  }
  return [...settlements]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => ({
      invariant: 'settled-at-most-once',
      subject: key,
      detail: `settled ${count} times`,
    }));
}

/**
 * An idempotency key has at most one effect: the events of one actor's key on one stream are a
 * single append (consecutive revisions), never two appends separated by other commands.
 */
export function checkIdempotencyKeysOneEffect(log: readonly RecordedEvent[]): InvariantViolation[] {
  const effects = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    const key = event.metadata.idempotencyKey;
    if (key === undefined) continue;
    const id = `${event.metadata.actor} ${event.streamId} ${key}`;
    effects.set(id, [...(effects.get(id) ?? []), event]);
  }
  const violations: InvariantViolation[] = [];
  for (const [id, events] of effects) {
    const broken = events.some(
      (event, index) => index > 0 && event.revision !== events[index - 1].revision + 1,
    );
    if (broken)
      violations.push({
        invariant: 'idempotency-one-effect',
        subject: id,
        detail: `revisions ${events.map((event) => event.revision).join(',')}`,
      });
  }
  return violations;
}
