import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsBusinessDateString, IsMoneyString } from '../../http/validation/ledger-validators';
import { ENTITY_ID } from './schedule-payment.request';

/** POST /v1/loans/{acct}/title/lien-release. */
export class LienReleasedRequest {
  @ApiProperty({ example: '2026-03-05' }) @IsBusinessDateString() releasedOn!: string;
}

/** POST /v1/loans/{acct}/title/mailed (paper titles). */
export class TitleMailedRequest {
  @ApiProperty({ example: 'USPS' }) @IsString() @IsNotEmpty() @MaxLength(64) carrier!: string;
  @ApiProperty({ example: '9400111899223344556677' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  trackingNumber!: string;
  @ApiProperty({ example: '2026-03-08' }) @IsBusinessDateString() mailedOn!: string;
}

/** POST /v1/loans/{acct}/title/delivered. */
export class TitleDeliveredRequest {
  @ApiProperty({ example: '2026-03-11' }) @IsBusinessDateString() deliveredOn!: string;
}

/** POST /v1/loans/{acct}/refunds: an overpayment sent back, at most the refund due. */
export class OverpaymentRefundRequest {
  @ApiPropertyOptional({ description: 'Derived from the Idempotency-Key (else random) when omitted' })
  @IsOptional()
  @Matches(ENTITY_ID)
  refundId?: string;

  @ApiProperty({ example: '12.34' }) @IsMoneyString({ positive: true }) amount!: string;
  @ApiProperty({ example: '2026-03-02' }) @IsBusinessDateString() refundedOn!: string;
}
