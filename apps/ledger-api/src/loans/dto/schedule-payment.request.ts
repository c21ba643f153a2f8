import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsBusinessDateString, IsMoneyString } from '../../http/validation/ledger-validators';
import { FundingSourceRequest } from './funding-source.request';

/** Payment, fee and refund ids: URL-safe, at most 64 characters (loan.ids.ts). */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** POST /v1/loans/{acct}/payments: a one-time ONLINE debit, today or up to 60 days ahead. */
export class SchedulePaymentRequest {
  @ApiPropertyOptional({ description: 'Derived from the Idempotency-Key (else random) when omitted' })
  @IsOptional()
  @Matches(ENTITY_ID)
  paymentId?: string;

  @ApiProperty({ example: '450.00' }) @IsMoneyString({ positive: true }) amount!: string;
  @ApiProperty({ example: '2026-02-01' }) @IsBusinessDateString() scheduledFor!: string;
  @ApiProperty({ type: FundingSourceRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundingSourceRequest)
  fundingSource!: FundingSourceRequest;
}
