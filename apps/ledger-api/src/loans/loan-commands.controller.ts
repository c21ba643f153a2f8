import { Body, Controller, Delete, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CancelAutoPayCommand,
  CancelPaymentCommand,
  CancelTextPayCommand,
  ChargeFeeCommand,
  CommandMetadata,
  CommandResult,
  EnrollAutoPayCommand,
  EnrollTextPayCommand,
  FeeCommandResult,
  OpenLoanCommand,
  PaymentCommandResult,
  RecordExternalPaymentCommand,
  RecordLienReleasedCommand,
  RecordOverpaymentRefundCommand,
  RecordTitleDeliveredCommand,
  RecordTitleMailedCommand,
  ReturnPaymentCommand,
  SchedulePaymentCommand,
  SettlePaymentCommand,
  WaiveFeeCommand,
} from '@ledger/application';
import { CLOCK, Clock } from '../clock/clock';
import { CommandRoute } from './api-command-docs';
import { commandMetadataOf } from './command-metadata';
import { EnrollAutoPayRequest, EnrollTextPayRequest } from './dto/autopay.request';
import { FeeCommandResultResponse, PaymentCommandResultResponse } from './dto/command-result.response';
import { ExternalPaymentRequest } from './dto/external-payment.request';
import { ChargeFeeRequest, WaiveFeeRequest } from './dto/fee.request';
import { toFundingSourceInput } from './dto/funding-source.request';
import { OpenLoanRequest } from './dto/open-loan.request';
import { ReturnPaymentRequest, SettlePaymentRequest } from './dto/payment-callback.request';
import { SchedulePaymentRequest } from './dto/schedule-payment.request';
import {
  LienReleasedRequest,
  OverpaymentRefundRequest,
  TitleDeliveredRequest,
  TitleMailedRequest,
} from './dto/title.request';

/**
 * Every loan command of api.md. Each route turns the validated body into its application command
 * and sends it on the command bus; the handler decides and answers the CommandResult.
 */
@ApiTags('loan commands')
@Controller('v1/loans')
export class LoanCommandsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private metadata(request: FastifyRequest): CommandMetadata {
    return commandMetadataOf(request, this.clock.now());
  }

  @Post()
  @ApiOperation({ summary: 'Open a loan' })
  @CommandRoute('The loan was opened', { created: true })
  open(@Body() body: OpenLoanRequest, @Req() request: FastifyRequest): Promise<CommandResult> {
    return this.commands.execute(new OpenLoanCommand(body, this.metadata(request)));
  }

  @Post(':acct/payments')
  @ApiOperation({ summary: 'Schedule a one-time payment' })
  @CommandRoute('The payment was scheduled', { created: true, type: PaymentCommandResultResponse })
  schedulePayment(
    @Param('acct') accountNumber: string,
    @Body() body: SchedulePaymentRequest,
    @Req() request: FastifyRequest,
  ): Promise<PaymentCommandResult> {
    const input = { ...body, accountNumber, fundingSource: toFundingSourceInput(body.fundingSource) };
    return this.commands.execute(new SchedulePaymentCommand(input, this.metadata(request)));
  }

  @Post(':acct/payments/:paymentId/cancel')
  @ApiOperation({ summary: 'Cancel a scheduled payment' })
  @CommandRoute('The payment was cancelled', { created: false })
  cancelPayment(
    @Param('acct') accountNumber: string,
    @Param('paymentId') paymentId: string,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new CancelPaymentCommand({ accountNumber, paymentId }, this.metadata(request)),
    );
  }

  @Post(':acct/payments/:paymentId/settle')
  @ApiOperation({ summary: 'Bank callback: the payment settled' })
  @CommandRoute('The payment settled and was applied', { created: false })
  settlePayment(
    @Param('acct') accountNumber: string,
    @Param('paymentId') paymentId: string,
    @Body() body: SettlePaymentRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new SettlePaymentCommand({ ...body, accountNumber, paymentId }, this.metadata(request)),
    );
  }

  @Post(':acct/payments/:paymentId/return')
  @ApiOperation({ summary: 'Bank callback: the payment was returned' })
  @CommandRoute('The payment was returned and its allocation restored', { created: false })
  returnPayment(
    @Param('acct') accountNumber: string,
    @Param('paymentId') paymentId: string,
    @Body() body: ReturnPaymentRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new ReturnPaymentCommand({ ...body, accountNumber, paymentId }, this.metadata(request)),
    );
  }

  @Post(':acct/external-payments')
  @ApiOperation({ summary: 'Record a payment received through an external channel' })
  @CommandRoute('The payment was recorded and applied', { created: true, type: PaymentCommandResultResponse })
  recordExternalPayment(
    @Param('acct') accountNumber: string,
    @Body() body: ExternalPaymentRequest,
    @Req() request: FastifyRequest,
  ): Promise<PaymentCommandResult> {
    return this.commands.execute(
      new RecordExternalPaymentCommand({ ...body, accountNumber }, this.metadata(request)),
    );
  }

  @Post(':acct/fees')
  @ApiOperation({ summary: 'Charge a fee' })
  @CommandRoute('The fee was charged', { created: true, type: FeeCommandResultResponse })
  chargeFee(
    @Param('acct') accountNumber: string,
    @Body() body: ChargeFeeRequest,
    @Req() request: FastifyRequest,
  ): Promise<FeeCommandResult> {
    return this.commands.execute(new ChargeFeeCommand({ ...body, accountNumber }, this.metadata(request)));
  }

  @Post(':acct/fees/:feeId/waive')
  @ApiOperation({ summary: 'Waive a fee' })
  @CommandRoute('The unpaid part of the fee was waived', { created: false })
  waiveFee(
    @Param('acct') accountNumber: string,
    @Param('feeId') feeId: string,
    @Body() body: WaiveFeeRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new WaiveFeeCommand({ ...body, accountNumber, feeId }, this.metadata(request)),
    );
  }

  @Put(':acct/autopay')
  @ApiOperation({ summary: 'Enrol in AutoPay or change it' })
  @CommandRoute('AutoPay was enrolled or updated', { created: false })
  enrollAutoPay(
    @Param('acct') accountNumber: string,
    @Body() body: EnrollAutoPayRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    const input = { ...body, accountNumber, fundingSource: toFundingSourceInput(body.fundingSource) };
    return this.commands.execute(new EnrollAutoPayCommand(input, this.metadata(request)));
  }

  @Delete(':acct/autopay')
  @ApiOperation({ summary: 'Cancel AutoPay' })
  @CommandRoute('AutoPay was cancelled', { created: false })
  cancelAutoPay(
    @Param('acct') accountNumber: string,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(new CancelAutoPayCommand({ accountNumber }, this.metadata(request)));
  }

  @Put(':acct/text-pay')
  @ApiOperation({ summary: 'Enrol in pay by text' })
  @CommandRoute('Pay by text was enrolled', { created: false })
  enrollTextPay(
    @Param('acct') accountNumber: string,
    @Body() body: EnrollTextPayRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    const fundingSource =
      body.fundingSource === undefined ? undefined : toFundingSourceInput(body.fundingSource);
    return this.commands.execute(
      new EnrollTextPayCommand({ accountNumber, fundingSource }, this.metadata(request)),
    );
  }

  @Delete(':acct/text-pay')
  @ApiOperation({ summary: 'Cancel pay by text' })
  @CommandRoute('Pay by text was cancelled', { created: false })
  cancelTextPay(
    @Param('acct') accountNumber: string,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(new CancelTextPayCommand({ accountNumber }, this.metadata(request)));
  }

  @Post(':acct/title/lien-release')
  @ApiOperation({ summary: 'Record the lien released' })
  @CommandRoute('The lien release was recorded', { created: false })
  recordLienReleased(
    @Param('acct') accountNumber: string,
    @Body() body: LienReleasedRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordLienReleasedCommand({ ...body, accountNumber }, this.metadata(request)),
    );
  }

  @Post(':acct/title/mailed')
  @ApiOperation({ summary: 'Record the paper title mailed' })
  @CommandRoute('The mailing was recorded', { created: false })
  recordTitleMailed(
    @Param('acct') accountNumber: string,
    @Body() body: TitleMailedRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordTitleMailedCommand({ ...body, accountNumber }, this.metadata(request)),
    );
  }

  @Post(':acct/title/delivered')
  @ApiOperation({ summary: 'Record the title delivered' })
  @CommandRoute('The delivery was recorded', { created: false })
  recordTitleDelivered(
    @Param('acct') accountNumber: string,
    @Body() body: TitleDeliveredRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordTitleDeliveredCommand({ ...body, accountNumber }, this.metadata(request)),
    );
  }

  @Post(':acct/refunds')
  @ApiOperation({ summary: 'Record an overpayment refund sent' })
  @CommandRoute('The refund was recorded', { created: true })
  recordRefund(
    @Param('acct') accountNumber: string,
    @Body() body: OverpaymentRefundRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordOverpaymentRefundCommand({ ...body, accountNumber }, this.metadata(request)),
    );
  }
}
