import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsUsMobileE164 } from '../../http/validation/ledger-validators';

/** The SSN format: 9 digits, dashed (123-45-6789) or not. The value is never echoed in an error. */
export const SSN_FORMAT = /^([0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{9})$/;
export const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** POST /v1/customers. The SSN is hashed with a per-customer salt and never stored. */
export class RegisterCustomerRequest {
  @ApiProperty({ example: 'C-1001' }) @IsString() @Matches(CUSTOMER_ID) customerId!: string;
  @ApiProperty({ example: 'Ana Lopez' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'ana@example.com' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: '+12025550123' }) @IsUsMobileE164() mobile!: string;
  @ApiProperty({ example: '123-45-6789', writeOnly: true })
  @IsString()
  @Matches(SSN_FORMAT, { message: '$property must be 9 digits, written 123-45-6789 or 123456789' })
  ssn!: string;
}
