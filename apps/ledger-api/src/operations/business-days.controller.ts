import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LedgerBusinessDate, RunBusinessDay, RunBusinessDayResult } from '@ledger/application';
import { parseBusinessDate } from '@ledger/domain';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { RunBusinessDayRequest } from './business-day.request';

/** GET /v1/operations/business-date. */
export interface BusinessDateAnswer {
  businessDate: string;
  lastCycleRun: { date: string; completedAt: string } | null;
  timeZone: string;
}

/** The daily cycle and the business date (api.md, "Operations"; scope `operations`). */
@ApiTags('operations')
@ApiBearerAuth('bearer')
@RequiredScope('operations')
@Controller('v1/operations')
export class BusinessDaysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly businessDate: LedgerBusinessDate,
  ) {}

  @Post('business-days')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Run the daily cycle up to a date (every missed date first); idempotent per date; answers what it did' })
  run(@Body() body: RunBusinessDayRequest, @Req() request: FastifyRequest): Promise<RunBusinessDayResult> {
    return this.commands.execute(new RunBusinessDay(parseBusinessDate(body.date), request.actor ?? 'operations'));
  }

  @Get('business-date')
  @ApiOperation({ summary: 'The business date and the last cycle run' })
  async current(): Promise<BusinessDateAnswer> {
    const status = await this.businessDate.status();
    const last = status.lastCompleted;
    return {
      businessDate: status.businessDate,
      lastCycleRun: last ? { date: last.date, completedAt: last.completedAt } : null,
      timeZone: this.businessDate.timeZone,
    };
  }
}
