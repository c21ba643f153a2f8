import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREDIT_BUREAUS, CreditBureau } from '@ledger/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAccountNumber, IsBusinessDateString, IsVin } from '../../http/validation/ledger-validators';
import { SSN_FORMAT } from './register-customer.request';

/** The channels of one kind of alert. */
export class AlertChannelsRequest {
  @ApiProperty() @IsBoolean() email!: boolean;
  @ApiProperty() @IsBoolean() text!: boolean;
}

/** PUT /v1/customers/{id}/alert-preferences: every kind, each by email and by text (a whole replacement). */
export class AlertPreferencesRequest {
  @ApiProperty({ type: AlertChannelsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => AlertChannelsRequest)
  payment!: AlertChannelsRequest;
  @ApiProperty({ type: AlertChannelsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => AlertChannelsRequest)
  dueDate!: AlertChannelsRequest;
  @ApiProperty({ type: AlertChannelsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => AlertChannelsRequest)
  title!: AlertChannelsRequest;
  @ApiProperty({ type: AlertChannelsRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => AlertChannelsRequest)
  statements!: AlertChannelsRequest;
}

/** POST /v1/customers/{id}/vehicles: the borrower's SSN and the loan's VIN or account number. */
export class LinkVehicleRequest {
  @ApiProperty({ example: '123-45-6789', writeOnly: true })
  @IsString()
  @Matches(SSN_FORMAT, { message: '$property must be 9 digits, written 123-45-6789 or 123456789' })
  ssn!: string;

  @ApiPropertyOptional({ example: '1M8GDM9AXKP042788' }) @IsOptional() @IsVin() vin?: string;
  @ApiPropertyOptional({ example: '12345678' }) @IsOptional() @IsAccountNumber() accountNumber?: string;
}

/** POST /v1/customers/{id}/credit-scores. */
export class RecordCreditScoreRequest {
  @ApiProperty({ example: 742, minimum: 300, maximum: 850 }) @IsInt() @Min(300) @Max(850) score!: number;
  @ApiProperty({ example: 'FICO 8' }) @IsString() @IsNotEmpty() @MaxLength(64) model!: string;
  @ApiProperty({ enum: CREDIT_BUREAUS }) @IsIn(CREDIT_BUREAUS) bureau!: CreditBureau;
  @ApiProperty({ example: '2026-01-04' }) @IsBusinessDateString() asOf!: string;
}
