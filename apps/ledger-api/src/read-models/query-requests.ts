import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AccountNumber, BusinessDate, compareDates, CustomerId, invalidInput, parseAccountNumber, parseCustomerId, PaymentStatus } from '@ledger/domain';
import { IsBusinessDateString } from '../http/validation/ledger-validators';

/*
 * Query-string requests of the query endpoints. The global validation pipe refuses unknown
 * parameters and names each invalid one (400 VALIDATION_FAILED with `errors[].field`).
 * Values stay strings (no implicit conversion), so a limit is checked as digits here.
 */

const PAYMENT_STATUSES: readonly PaymentStatus[] = ['SCHEDULED', 'SUBMITTED', 'SETTLED', 'RETURNED', 'CANCELLED'];
const LIMIT = /^(100|[1-9][0-9]?)$/;
const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 100';

/** One page of a list: `limit` 1 to 100 (default 25) and the opaque `cursor` of the previous page. */
export class PageRequest {
  @ApiPropertyOptional({ description: 'Items per page, 1 to 100', example: '25' })
  @IsOptional()
  @Matches(LIMIT, { message: LIMIT_MESSAGE })
  limit?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, unchanged' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  cursor?: string;
}

/** GET /v1/loans/{acct}/payments filters. */
export class PaymentHistoryRequest extends PageRequest {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ description: 'Effective on or after (YYYY-MM-DD)', example: '2026-01-01' })
  @IsOptional()
  @IsBusinessDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'Effective on or before (YYYY-MM-DD)', example: '2026-12-31' })
  @IsOptional()
  @IsBusinessDateString()
  to?: string;
}

/** GET /v1/loans/{acct}/payoff-quote?asOf=YYYY-MM-DD: the date is required. */
export class PayoffQuoteRequest {
  @ApiProperty({ description: 'The business date the payoff is quoted for (YYYY-MM-DD)', example: '2026-03-02' })
  @IsBusinessDateString()
  asOf!: string;
}

/** The `limit` of a page request as a number, or undefined for the default. */
export const pageLimit = (request: PageRequest): number | undefined => (request.limit === undefined ? undefined : Number(request.limit));

/** Refuses `from` after `to`, naming `from`; the dates were validated by the pipe. */
export function dateRange(request: PaymentHistoryRequest): { from?: BusinessDate; to?: BusinessDate } {
  const from = request.from as BusinessDate | undefined;
  const to = request.to as BusinessDate | undefined;
  if (from !== undefined && to !== undefined && compareDates(from, to) > 0) {
    throw invalidInput('DATE_RANGE_INVERTED', 'from must be on or before to', 'from');
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** The {acct} path parameter: 8 to 17 digits, else 400 ACCOUNT_NUMBER_FORMAT naming `acct`. */
export const accountParam = (raw: string): AccountNumber => parseAccountNumber(raw, 'acct');

/** The {id} path parameter of a customer, else 400 CUSTOMER_ID_FORMAT naming `id`. */
export const customerParam = (raw: string): CustomerId => parseCustomerId(raw, 'id');
