import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDateString } from '../http/validation/ledger-validators';

/** POST /v1/operations/business-days. */
export class RunBusinessDayRequest {
  @ApiProperty({ example: '2026-02-03', description: 'Run the daily cycle up to this date (YYYY-MM-DD)' })
  @IsBusinessDateString()
  date!: string;
}
