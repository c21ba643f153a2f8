import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError, invalidInput, notFound, ruleViolated } from '@ledger/domain';
import { EventStoreUnavailable, StreamRevisionConflict, streamRevision } from '@ledger/event-store';
import { JsonBodyRejected } from '../body/strict-json';
import { ProblemError } from './problem';
import { toProblem } from './to-problem';

const map = (error: unknown) => toProblem(error, '/v1/loans/12345678/payments');

describe('the error map', () => {
  //        error                                                                                status  reason
  it.each([
    [invalidInput('AMOUNT_FORMAT', 'amount must be digits', 'amount'),                            400, 'AMOUNT_FORMAT'],
    [notFound('LOAN_NOT_FOUND', 'No loan 12345678'),                                              404, 'LOAN_NOT_FOUND'],
    [ruleViolated('PAYMENT_ALREADY_SUBMITTED', 'Already submitted'),                              409, 'PAYMENT_ALREADY_SUBMITTED'],
    [new DomainError('RevisionConflict', 'REVISION_MOVED', 'The loan moved'),                     412, 'REVISION_MOVED'],
    [new StreamRevisionConflict('loan-12345678', streamRevision(3), streamRevision(4)), 409, 'CONCURRENT_MODIFICATION'],
    [new EventStoreUnavailable('down'),                                                           503, 'STORE_UNAVAILABLE'],
    [new JsonBodyRejected('DUPLICATE_KEY', 'The body repeats the key "amount"', 'amount'),        400, 'DUPLICATE_KEY'],
    [new ProblemError(422, 'IDEMPOTENCY_KEY_REUSED', 'reused'),                                   422, 'IDEMPOTENCY_KEY_REUSED'],
    [new NotFoundException('Cannot GET /v1/nowhere'),                                             404, 'NOT_FOUND'],
    [new ForbiddenException({ reason: 'SCOPE_MISSING', message: 'no scope' }),                    403, 'SCOPE_MISSING'],
    [new BadRequestException(['a must be a string', 'b must be a date']),                         400, 'BAD_REQUEST'],
    [Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), 413, 'BODY_TOO_LARGE'],
    [Object.assign(new Error('bad type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [Object.assign(new Error('odd'), { code: 'FST_ERR_SOMETHING', statusCode: 431 }),             431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'],
  ])('maps %p to %i %s', (error, status, reason) => {
    const { body, unexpected } = map(error);
    expect(body).toMatchObject({ status, reason, instance: '/v1/loans/12345678/payments' });
    expect(body.type).toBe(`https://ledger.example/problems/${reason.toLowerCase().replace(/_/g, '-')}`);
    expect(unexpected).toBe(false);
  });

  it('names the field of an invalid input', () => {
    expect(map(invalidInput('AMOUNT_FORMAT', 'amount must be digits', 'amount')).body.errors).toEqual([
      { field: 'amount', reason: 'AMOUNT_FORMAT', message: 'amount must be digits' },
    ]);
  });

  it('gives a title in words', () => {
    expect(map(ruleViolated('PAYMENT_ALREADY_SUBMITTED', 'x')).body.title).toBe('Payment already submitted');
  });

  it('answers an unknown error with a generic 500 that reveals nothing', () => {
    const problem = map(new Error('connection string mongodb://admin:hunter2@db'));
    expect(problem.unexpected).toBe(true);
    expect(problem.body).toMatchObject({ status: 500, reason: 'INTERNAL_ERROR' });
    expect(JSON.stringify(problem.body)).not.toContain('hunter2');
  });

  it('keeps the headers a problem needs', () => {
    expect(map(new EventStoreUnavailable('down')).headers).toEqual({ 'Retry-After': '5' });
  });
});
