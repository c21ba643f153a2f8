import { applyDecorators, HttpCode, HttpStatus, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { CommandResultResponse } from './dto/command-result.response';

const PROBLEM = { description: 'RFC 9457 problem details (application/problem+json)' };

/**
 * What every command route shares: the `commands` scope, the Idempotency-Key and If-Match
 * headers, and the problem statuses of api.md. `created` picks 201 (the command made something
 * addressable: a loan, customer, payment, fee, refund, vehicle link or credit score record) or
 * 200 (it moved something that exists); a command that decided nothing answers the same status
 * with an empty `events`.
 */
export function CommandRoute(
  summary: string,
  options: { created: boolean; type?: Type<CommandResultResponse> },
) {
  const type = options.type ?? CommandResultResponse;
  return applyDecorators(
    RequiredScope('commands'),
    ApiBearerAuth('bearer'),
    HttpCode(options.created ? HttpStatus.CREATED : HttpStatus.OK),
    options.created
      ? ApiCreatedResponse({ type, description: summary })
      : ApiOkResponse({ type, description: summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1 to 255 printable characters; a retry with the same body replays the answer',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'A stream revision in quotes, e.g. "12": 412 if the stream moved',
    }),
    ApiResponse({ status: 400, ...PROBLEM }),
    ApiResponse({ status: 401, ...PROBLEM }),
    ApiResponse({ status: 403, ...PROBLEM }),
    ApiResponse({ status: 404, ...PROBLEM }),
    ApiResponse({ status: 409, ...PROBLEM }),
    ApiResponse({ status: 412, ...PROBLEM }),
    ApiResponse({ status: 422, ...PROBLEM }),
  );
}
