import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam,
  ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
import { BUSINESS_DATE } from '@ledger/application';
import type { BusinessDateProvider } from '@ledger/application';
import { AccountNumber, BusinessDate, notFound } from '@ledger/domain';
import {
  getLoanBalance, getPayoffProgress, getPayoffQuote, getTitleTracking, listPayments, listStatements, READ_STORE,
} from '@ledger/read-models';
import type {
  LoanBalance, PaymentHistoryPage, PayoffProgress, PayoffQuoteAnswer, ReadStore, StatementsPage, TitleTrackingView,
} from '@ledger/read-models';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { MIN_POSITION_HEADER, MinPositionInterceptor } from '../http/read-your-writes/min-position.interceptor';
import { accountParam, dateRange, PageRequest, pageLimit, PaymentHistoryRequest, PayoffQuoteRequest } from '../read-models/query-requests';

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
  ) {}

  @Get('balance')
  @ApiOperation({ summary: 'Balance, amount due and payoff as of the current business date' })
  @ApiOkResponse({ description: 'The balance' })
  async balance(@Param('acct') acct: string): Promise<LoanBalance> {
    const accountNumber = accountParam(acct);
    return found(await getLoanBalance(this.store, accountNumber, await this.today()), accountNumber);
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
