import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam,
  ApiServiceUnavailableResponse, ApiTags,
} from '@nestjs/swagger';
import { CustomerId, notFound } from '@ledger/domain';
import { getCreditScore, getCustomerSnapshot, READ_STORE } from '@ledger/read-models';
import type { CreditScoreAnswer, CustomerSnapshot, ReadStore } from '@ledger/read-models';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { MIN_POSITION_HEADER, MinPositionInterceptor } from '../http/read-your-writes/min-position.interceptor';
import { customerParam } from '../read-models/query-requests';

/** The answer, or 404 CUSTOMER_NOT_FOUND when the read side knows no such customer. */
const found = <T>(answer: T | null, customerId: CustomerId): T => {
  if (answer === null) throw notFound('CUSTOMER_NOT_FOUND', `No customer with id ${customerId}`);
  return answer;
};

/** The customer queries of api.md ("Queries"): the snapshot of linked vehicles and credit scores. */
@ApiTags('customer queries')
@ApiBearerAuth()
@ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Wait (at most 5 s) until the read models reflect this position' })
@ApiParam({ name: 'id', description: 'Customer id: 1 to 64 letters, digits, "_" or "-"', example: 'C-1001' })
@ApiBadRequestResponse({ description: 'An invalid customer id or X-Min-Position' })
@ApiNotFoundResponse({ description: 'CUSTOMER_NOT_FOUND' })
@ApiServiceUnavailableResponse({ description: 'PROJECTION_BEHIND: X-Min-Position not reached in time (Retry-After)' })
@RequiredScope('queries')
@UseInterceptors(MinPositionInterceptor)
@Controller('v1/customers/:id')
export class CustomerQueriesController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get('snapshot')
  @ApiOperation({ summary: 'The customer with every linked vehicle and its balance summary' })
  @ApiOkResponse({ description: 'The snapshot' })
  async snapshot(@Param('id') id: string): Promise<CustomerSnapshot> {
    const customerId = customerParam(id);
    return found(await getCustomerSnapshot(this.store, customerId), customerId);
  }

  @Get('credit-score')
  @ApiOperation({ summary: 'The latest credit score and the history, newest first' })
  @ApiOkResponse({ description: 'The credit scores' })
  async creditScore(@Param('id') id: string): Promise<CreditScoreAnswer> {
    const customerId = customerParam(id);
    return found(await getCreditScore(this.store, customerId), customerId);
  }
}
