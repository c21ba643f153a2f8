import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '../command-result';
import { uuidV5 } from '../event-ids';

/**
 * The id of a payment, fee or refund the client did not name. Derived from the Idempotency-Key
 * when there is one, so a retry after a crash names the same payment instead of a second one;
 * random otherwise (the domain never makes ids up: loan.ids.ts).
 */
export function newEntityId(
  kind: 'payment' | 'fee' | 'refund',
  streamId: string,
  metadata: CommandMetadata,
): string {
  const suffix =
    metadata.idempotencyKey === undefined
      ? randomUUID()
      : uuidV5(`${kind}\u0000${streamId}\u0000${metadata.idempotencyKey}`);
  return `${kind}-${suffix}`;
}
