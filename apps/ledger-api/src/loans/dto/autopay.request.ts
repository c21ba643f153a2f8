import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AutoPayAmountRule } from '@ledger/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsMoneyString } from '../../http/validation/ledger-validators';
import { FundingSourceRequest } from './funding-source.request';

const AMOUNT_RULES: readonly AutoPayAmountRule[] = ['AMOUNT_DUE', 'FIXED'];

/** PUT /v1/loans/{acct}/autopay: enrol, or replace the settings. */
export class EnrollAutoPayRequest {
  @ApiProperty({ type: FundingSourceRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundingSourceRequest)
  fundingSource!: FundingSourceRequest;
  @ApiProperty({ enum: AMOUNT_RULES }) @IsIn(AMOUNT_RULES) amountRule!: AutoPayAmountRule;
  @ApiPropertyOptional({ example: '500.00', description: 'FIXED only; at least the installment' })
  @IsOptional()
  @IsMoneyString({ positive: true })
  fixedAmount?: string;
  @ApiPropertyOptional({ example: '25.00', description: 'Extra principal added to each draft' })
  @IsOptional()
  @IsMoneyString()
  extraPrincipal?: string;
  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(15)
  draftDaysBeforeDue?: number;
}

/** PUT /v1/loans/{acct}/text-pay: the mobile comes from the customer profile. */
export class EnrollTextPayRequest {
  @ApiPropertyOptional({ type: FundingSourceRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingSourceRequest)
  fundingSource?: FundingSourceRequest;
}
