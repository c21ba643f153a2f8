import { Controller, Get, HttpCode, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BUSINESS_DATE, BalanceExplanation, explainBalance, ReplayedStream, replayStream,
} from '@ledger/application';
import type { BusinessDateProvider } from '@ledger/application';
import { BusinessDate, loanStreamId, notFound, parseAccountNumber } from '@ledger/domain';
import { EVENT_STORE, RecordedEvent } from '@ledger/event-store';
import type { EventStore } from '@ledger/event-store';
import { CHECKPOINT_STORE, Projection, ProjectionVerification, READ_STORE, verifyProjection } from '@ledger/read-models';
import type { CheckpointStore, ReadStore } from '@ledger/read-models';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { PROJECTIONS } from '../read-models/read-models.tokens';
import { parseFromRevision, parseLimit, parseOptionalDate } from './audit-requests';

export interface StreamEventsPage {
  streamId: string;
  events: RecordedEvent[];
  /** The fromRevision of the next page, or null when this page reached the end of the stream. */
  nextRevision: number | null;
}

/**
 * The audit API (api.md "Audit", scope `audit`): raw events, a loan replayed as of an instant,
 * a projection verified against the log, and a balance explained event by event. It calls the
 * same functions as the `ledger` CLI (libs/application/src/audit, libs/read-models/src/verify).
 */
@ApiTags('audit')
@RequiredScope('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Optional() @Inject(BUSINESS_DATE) private readonly businessDate?: BusinessDateProvider,
  ) {}

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: 'The raw events of a stream with their metadata (ids, recordedAt, hash chain)' })
  async streamEvents(
    @Param('streamId') streamId: string,
    @Query('fromRevision') fromRevision?: string,
    @Query('limit') limit?: string,
  ): Promise<StreamEventsPage> {
    const from = parseFromRevision(fromRevision);
    const pageSize = parseLimit(limit);
    const events = await this.eventStore.readStream(streamId, { fromRevision: from, limit: pageSize });
    if (events.length === 0 && (await this.eventStore.readStream(streamId, { limit: 1 })).length === 0) {
      throw notFound('STREAM_NOT_FOUND', `Stream ${streamId} has no events`);
    }
    return { streamId, events, nextRevision: events.length === pageSize ? (events.at(-1)?.revision ?? from) + 1 : null };
  }

  @Get('loans/:acct/state')
  @ApiOperation({ summary: "The loan's state rebuilt by replaying its stream up to an instant" })
  async loanState(@Param('acct') acct: string, @Query('asOf') asOf?: string): Promise<ReplayedStream> {
    return replayStream(this.eventStore, loanStreamId(parseAccountNumber(acct, 'acct')), { asOf: asOf === '' ? undefined : asOf });
  }

  @Get('loans/:acct/explain')
  @ApiOperation({ summary: 'Each balance figure with the events that made it and the rule applied (`on`: business date, default today)' })
  async explain(@Param('acct') acct: string, @Query('on') on?: string): Promise<BalanceExplanation> {
    const streamId = loanStreamId(parseAccountNumber(acct, 'acct'));
    const asOf = parseOptionalDate(on, 'on') ?? (await this.today());
    const events = await this.eventStore.readStream(streamId);
    if (events.length === 0) throw notFound('LOAN_NOT_FOUND', `No loan with account number ${acct}`);
    return explainBalance(events, asOf);
  }

  @Post('projections/:name/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuilds the read model from the log in memory and reports every document that differs' })
  async verify(@Param('name') name: string): Promise<ProjectionVerification> {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw notFound('PROJECTION_NOT_FOUND', `No projection named ${name}; known: ${this.projections.map((known) => known.name).join(', ')}`);
    return verifyProjection(this.eventStore, { readStore: this.readStore, checkpoints: this.checkpoints }, projection);
  }

  private async today(): Promise<BusinessDate> {
    if (this.businessDate) return this.businessDate.currentBusinessDate();
    return new Date().toISOString().slice(0, 10) as BusinessDate;
  }
}
