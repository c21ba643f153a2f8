import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** POST /v1/sms/inbound: what the SMS gateway forwards. */
export class SmsInboundRequest {
  @ApiProperty({ example: '+12025550123', description: 'The sender, E.164' })
  @IsString()
  @Matches(/^\+[1-9][0-9]{6,14}$/, { message: 'from must be an E.164 phone number such as +12025550123' })
  from!: string;

  @ApiProperty({ example: 'PAY' })
  @IsString()
  @Length(0, 1600)
  body!: string;
}

/** The text sent back to the borrower (at most 160 characters). */
export class SmsReplyResponse {
  @ApiProperty({ example: 'Thanks! $489.04 will be paid today from bank ...6789.' }) reply!: string;
}
