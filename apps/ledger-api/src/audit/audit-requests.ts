import { BusinessDate, invalidInput, parseBusinessDate } from '@ledger/domain';
import { StreamRevision, streamRevision } from '@ledger/event-store';

/** Query strings of the audit API, parsed into DomainErrors (the problem-details filter answers 400). */

const WHOLE = /^(0|[1-9][0-9]{0,15})$/;

export function parseFromRevision(raw: string | undefined): StreamRevision {
  if (raw === undefined || raw === '') return streamRevision(0);
  if (!WHOLE.test(raw)) throw invalidInput('REVISION_FORMAT', 'fromRevision must be a non-negative integer', 'fromRevision');
  return streamRevision(Number(raw));
}

/** Page size of the raw-events endpoint: 1 to 1000, default 100. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100;
  const limit = WHOLE.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= 1000)) throw invalidInput('LIMIT_RANGE', 'limit must be an integer from 1 to 1000', 'limit');
  return limit;
}

export const parseOptionalDate = (raw: string | undefined, field: string): BusinessDate | undefined =>
  raw === undefined || raw === '' ? undefined : parseBusinessDate(raw, field);
