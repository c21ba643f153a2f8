import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsBusinessDateString } from '../../http/validation/ledger-validators';

/** POST .../payments/{paymentId}/settle: the bank settled a submitted debit. */
export class SettlePaymentRequest {
  @ApiProperty({ example: '2026-02-03' }) @IsBusinessDateString() settledOn!: string;
}

/** POST .../payments/{paymentId}/return: the bank returned a settled debit. */
export class ReturnPaymentRequest {
  @ApiProperty({ example: 'R01', description: 'NACHA return code R01 to R99' })
  @Matches(/^R(0[1-9]|[1-9][0-9])$/, { message: '$property must be a NACHA return code R01 to R99' })
  returnCode!: string;

  @ApiProperty({ example: '2026-02-05' }) @IsBusinessDateString() returnedOn!: string;
}
