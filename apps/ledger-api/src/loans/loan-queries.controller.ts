import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam,
  ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BUSINESS_DATE, explainBalance } from '@ledger/application';
import type { BalanceExplanation, BusinessDateProvider } from '@ledger/application';
import { AccountNumber, BusinessDate, loanStreamId, notFound } from '@ledger/domain';
import { EVENT_STORE } from '@ledger/event-store';
import type { EventStore } from '@ledger/event-store';
import {
  getLoanBalance, getPayoffProgress, getPayoffQuote, getTitleTracking, listPayments, listStatements, READ_STORE,
} from '@ledger/read-models';
import type {
  LoanBalance, PaymentHistoryPage, PayoffProgress, PayoffQuoteAnswer, ReadStore, StatementsPage, TitleTrackingView,
} from '@ledger/read-models';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { MIN_POSITION_HEADER, MinPositionInterceptor } from '../http/read-your-writes/min-position.interceptor';
import { accountParam, dateRange, PageRequest, pageLimit, PaymentHistoryRequest, PayoffQuoteRequest } from '../read-models/query-requests';

/** GET /v1/loans/{acct}/balance?explain=true|false; anything else is refused naming `explain`. */
export class BalanceRequest {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Add `explanation`: the events and rules behind each figure' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'explain must be true or false' })
  explain?: 'true' | 'false';
}

/** The balance, with its explanation when one was asked for. */
export type ExplainedLoanBalance = LoanBalance & { explanation?: BalanceExplanation };

/** The answer, or 404 LOAN_NOT_FOUND when the read side knows no such account. */
const found = <T>(answer: T | null, accountNumber: AccountNumber): T => {
  if (answer === null) throw notFound('LOAN_NOT_FOUND', `No loan with account number ${accountNumber}`);
  return answer;
};

/**
 * The loan queries of api.md ("Queries"): thin reads of the read models. Figures that move with
 * the calendar (interest since the last posting, payoff today, days past due, title overdue) are
 * computed for the ledger's current business date, never the wall clock, so they agree with what
 * a command decided today would see.
 */
@ApiTags('loan queries')
@ApiBearerAuth()
@ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Wait (at most 5 s) until the read models reflect this position' })
@ApiParam({ name: 'acct', description: 'Loan account number, 8 to 17 digits', example: '12345678' })
@ApiBadRequestResponse({ description: 'An invalid path, query parameter or X-Min-Position' })
@ApiNotFoundResponse({ description: 'LOAN_NOT_FOUND' })
@ApiServiceUnavailableResponse({ description: 'PROJECTION_BEHIND: X-Min-Position not reached in time (Retry-After)' })
@RequiredScope('queries')
@UseInterceptors(MinPositionInterceptor)
@Controller('v1/loans/:acct')
export class LoanQueriesController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(BUSINESS_DATE) private readonly businessDate: BusinessDateProvider,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get('balance')
  @ApiOperation({
    summary: 'Balance, amount due and payoff as of the current business date',
    description:
      'With explain=true the answer adds `explanation`: for principal, accrued interest, interest since the last posting, ' +
      'fees and amount due, the event ids and the rules (docs/servicing-rules.md) that produced each figure, folded from the ' +
      "loan's events as of the business date (the same explanation as GET /v1/audit/loans/{acct}/explain). The `queries` scope " +
      'suffices: the explanation carries figures, payment and fee ids, event ids and rule references, all of which the ' +
      'query side already shows, and none of the event metadata (actors, correlation ids, hash chain) that the `audit` scope guards. ' +
      'The explanation is read from the log when the request runs, so it may include events the read model has not reached yet.',
  })
  @ApiOkResponse({ description: 'The balance, and its explanation when explain=true' })
  async balance(@Param('acct') acct: string, @Query() query: BalanceRequest): Promise<ExplainedLoanBalance> {
    const accountNumber = accountParam(acct);
    const today = await this.today();
    const balance = found(await getLoanBalance(this.store, accountNumber, today), accountNumber);
    if (query.explain !== 'true') return balance;
    const events = await this.eventStore.readStream(loanStreamId(accountNumber));
    return { ...balance, explanation: explainBalance(events, today) };
  }

  @Get('payoff-progress')
  @ApiOperation({ summary: 'Principal paid, interest paid and the projected payoff date' })
  @ApiOkResponse({ description: 'The payoff progress' })
  async payoffProgress(@Param('acct') acct: string): Promise<PayoffProgress> {
    const accountNumber = accountParam(acct);
    return found(await getPayoffProgress(this.store, accountNumber, await this.today()), accountNumber);
  }

  @Get('payments')
  @ApiOperation({ summary: 'Payment history, newest first, filtered and paged with an opaque cursor' })
  @ApiOkResponse({ description: 'A page of payments and the nextCursor (null on the last page)' })
  async payments(@Param('acct') acct: string, @Query() query: PaymentHistoryRequest): Promise<PaymentHistoryPage> {
    const accountNumber = accountParam(acct);
    const page = await listPayments(this.store, accountNumber, {
      ...dateRange(query),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.limit !== undefined ? { limit: pageLimit(query) } : {}),
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return found(page, accountNumber);
  }

  @Get('payoff-quote')
  @ApiOperation({ summary: 'The payoff amount and its parts as of a date (asOf required)' })
  @ApiOkResponse({ description: 'The quote, good through asOf' })
  async payoffQuote(@Param('acct') acct: string, @Query() query: PayoffQuoteRequest): Promise<PayoffQuoteAnswer> {
    const accountNumber = accountParam(acct);
    return found(await getPayoffQuote(this.store, accountNumber, query.asOf as BusinessDate), accountNumber);
  }

  @Get('title')
  @ApiOperation({ summary: 'Lien release and title delivery: status, expected dates, tracking, timeline' })
  @ApiOkResponse({ description: 'The title tracking' })
  async title(@Param('acct') acct: string): Promise<TitleTrackingView> {
    const accountNumber = accountParam(acct);
    return found(await getTitleTracking(this.store, accountNumber, await this.today()), accountNumber);
  }

  @Get('statements')
  @ApiOperation({ summary: 'Statements, newest cycle first' })
  @ApiOkResponse({ description: 'A page of statements and the nextCursor' })
  async statements(@Param('acct') acct: string, @Query() query: PageRequest): Promise<StatementsPage> {
    const accountNumber = accountParam(acct);
    const page = await listStatements(this.store, accountNumber, {
      ...(query.limit !== undefined ? { limit: pageLimit(query) } : {}),
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return found(page, accountNumber);
  }

  private today(): Promise<BusinessDate> {
    return this.businessDate.currentBusinessDate();
  }
}
