import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsAccountNumber,
  IsBusinessDateString,
  IsMoneyString,
  IsVin,
} from '../../http/validation/ledger-validators';

/** The financed vehicle. */
export class VehicleRequest {
  @ApiProperty({ example: '1M8GDM9AXKP042788' }) @IsVin() vin!: string;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(1981) @Max(2100) year!: number;
  @ApiProperty({ example: 'Honda' }) @IsString() @IsNotEmpty() @MaxLength(64) make!: string;
  @ApiProperty({ example: 'Accord' }) @IsString() @IsNotEmpty() @MaxLength(64) model!: string;
}

/** POST /v1/loans. Ranges (principal, term, first payment lead, title state) are the decider's to judge. */
export class OpenLoanRequest {
  @ApiProperty({ example: '12345678' }) @IsAccountNumber() accountNumber!: string;
  @ApiProperty({ example: 'C-1001' }) @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/) customerId!: string;
  @ApiProperty({ type: VehicleRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => VehicleRequest)
  vehicle!: VehicleRequest;
  @ApiProperty({ example: '25000.00' }) @IsMoneyString({ positive: true }) principal!: string;
  @ApiProperty({ example: '6.49', description: 'Percent, at most 3 decimals, 0 to 36' })
  @IsString()
  @Matches(/^(0|[1-9][0-9]?)(\.[0-9]{1,3})?$/, {
    message: '$property must be a percent string with at most 3 decimals, e.g. "6.49"',
  })
  apr!: string;
  @ApiProperty({ example: 60 }) @IsInt() @Min(12) @Max(96) termMonths!: number;
  @ApiProperty({ example: '2026-01-02' }) @IsBusinessDateString() originationDate!: string;
  @ApiProperty({ example: '2026-02-02' }) @IsBusinessDateString() firstPaymentDate!: string;
  @ApiProperty({ example: 'TX' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a US state code such as "TX"' })
  titleState!: string;
}
