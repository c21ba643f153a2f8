import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One event a command wrote. */
export class WrittenEventResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'PaymentScheduled' }) type!: string;
}

/** What every command answers (api.md, "Every command answers"). */
export class CommandResultResponse {
  @ApiProperty({ example: 'loan-12345678' }) streamId!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The stream revision after the command; send it back as If-Match: "<revision>"',
  })
  revision!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '42',
    description: "The store's global position, a decimal string; use as X-Min-Position",
  })
  position!: string | null;
  @ApiProperty({
    type: [WrittenEventResponse],
    description: 'Empty when the command changed nothing (e.g. the same settings again)',
  })
  events!: WrittenEventResponse[];
}

/** A command that created a payment also names it. */
export class PaymentCommandResultResponse extends CommandResultResponse {
  @ApiProperty({ example: 'payment-0f6c2d1e-2d8a-5b3c-9a41-7e0c5d9b1a22' }) paymentId!: string;
}

/** A command that charged a fee also names it. */
export class FeeCommandResultResponse extends CommandResultResponse {
  @ApiPropertyOptional({ example: 'fee-0f6c2d1e-2d8a-5b3c-9a41-7e0c5d9b1a22' }) feeId!: string;
}
