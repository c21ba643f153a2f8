// The HTTP client (retries with the same Idempotency-Key) lives in bench/src/proof/ for the proof runner.
export { LedgerClient, reasonOf } from '../../bench/src/proof/client';
export type { Reply, RequestSpec } from '../../bench/src/proof/client';
