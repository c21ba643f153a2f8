import { ApiPropertyOptional } from '@nestjs/swagger';
import { FundingSourceInput } from '@ledger/application';
import { invalidInput } from '@ledger/domain';
import { IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { IsAbaRoutingNumber, IsBankAccountNumber } from '../../http/validation/ledger-validators';

/**
 * A funding bank account: new details (routingNumber + accountNumber, sealed in the vault at once)
 * or the fundingSourceId of one already on file. The account number never reaches an event, a
 * log line or a stored response.
 */
export class FundingSourceRequest {
  @ApiPropertyOptional({ example: '011000015' })
  @ValidateIf((source: FundingSourceRequest) => source.fundingSourceId === undefined)
  @IsAbaRoutingNumber()
  routingNumber?: string;

  @ApiPropertyOptional({ example: '000123456789', writeOnly: true })
  @ValidateIf((source: FundingSourceRequest) => source.fundingSourceId === undefined)
  @IsBankAccountNumber()
  accountNumber?: string;

  @ApiPropertyOptional({ example: 'fs_3f1c7a52-0d1e-4c47-9b8e-2a41d5c7e913' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  fundingSourceId?: string;
}

/** Either the new details or the id, never both (the vault id would silently win otherwise). */
export function toFundingSourceInput(
  source: FundingSourceRequest,
  field = 'fundingSource',
): FundingSourceInput {
  const { routingNumber, accountNumber, fundingSourceId } = source;
  if (fundingSourceId !== undefined) {
    if (routingNumber !== undefined || accountNumber !== undefined) {
      throw invalidInput(
        'FUNDING_SOURCE_AMBIGUOUS',
        `${field} names either a fundingSourceId or bank details, not both`,
        field,
      );
    }
    return { fundingSourceId };
  }
  return { bankAccount: { routingNumber: routingNumber ?? '', accountNumber: accountNumber ?? '' } };
}
