import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExternalPaymentChannel } from '@ledger/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsBusinessDateString, IsMoneyString } from '../../http/validation/ledger-validators';
import { ENTITY_ID } from './schedule-payment.request';

export const EXTERNAL_CHANNELS: readonly ExternalPaymentChannel[] = [
  'BANK_BILL_PAY',
  'MAIL',
  'ACI_PHONE',
  'CHECKFREEPAY_DEBIT',
  'MONEYGRAM',
  'WESTERN_UNION',
];

/** POST /v1/loans/{acct}/external-payments: funds already received; they settle at once. */
export class ExternalPaymentRequest {
  @ApiPropertyOptional({ description: 'Derived from the Idempotency-Key (else random) when omitted' })
  @IsOptional()
  @Matches(ENTITY_ID)
  paymentId?: string;

  @ApiProperty({ enum: EXTERNAL_CHANNELS }) @IsIn(EXTERNAL_CHANNELS) channel!: ExternalPaymentChannel;
  @ApiProperty({ example: '300.00', description: 'What reached the loan, without any third-party fee' })
  @IsMoneyString({ positive: true })
  amount!: string;
  @ApiProperty({ example: '2026-02-01' }) @IsBusinessDateString() receivedOn!: string;
  @ApiPropertyOptional({
    example: '9.99',
    description: 'MONEYGRAM and WESTERN_UNION only: the fee the agent reports',
  })
  @IsOptional()
  @IsMoneyString()
  agentFee?: string;
}
