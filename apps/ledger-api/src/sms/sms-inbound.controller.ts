import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequiredScope } from '../http/auth/required-scope.decorator';
import { CLOCK, Clock } from '../clock/clock';
import { commandMetadataOf } from '../loans/command-metadata';
import { ReplyToTextService } from './reply-to-text.service';
import { SmsInboundRequest, SmsReplyResponse } from './sms-inbound.request';

/**
 * The inbound text webhook (api.md). Scope `commands`: the gateway is a trusted internal caller
 * with its own API key. A public gateway webhook would instead verify the provider's request
 * signature (e.g. X-Twilio-Signature) at this border; see the servicing decisions doc.
 */
@ApiTags('pay by text')
@Controller('v1/sms')
export class SmsInboundController {
  constructor(
    private readonly replies: ReplyToTextService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('inbound')
  @RequiredScope('commands')
  @ApiBearerAuth('bearer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'An inbound text: PAY schedules the amount due, STOP ends pay by text; answers the reply' })
  @ApiOkResponse({ type: SmsReplyResponse })
  async inbound(@Body() body: SmsInboundRequest, @Req() request: FastifyRequest): Promise<SmsReplyResponse> {
    return { reply: await this.replies.reply(body.from, body.body, commandMetadataOf(request, this.clock.now())) };
  }
}
