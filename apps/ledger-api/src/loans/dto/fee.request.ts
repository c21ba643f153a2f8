import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsMoneyString } from '../../http/validation/ledger-validators';
import { ENTITY_ID } from './schedule-payment.request';

/** POST /v1/loans/{acct}/fees: a servicer fee of kind OTHER. */
export class ChargeFeeRequest {
  @ApiPropertyOptional({ description: 'Derived from the Idempotency-Key (else random) when omitted' })
  @IsOptional()
  @Matches(ENTITY_ID)
  feeId?: string;

  @ApiProperty({ example: '15.00' }) @IsMoneyString({ positive: true }) amount!: string;
  @ApiProperty({ example: 'Duplicate title copy' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

/** POST /v1/loans/{acct}/fees/{feeId}/waive. */
export class WaiveFeeRequest {
  @ApiProperty({ example: 'Courtesy waiver' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}
