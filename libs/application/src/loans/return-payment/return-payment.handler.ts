import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  NachaReturnCode,
  ReturnPayment,
  invalidInput,
  isNachaReturnCode,
  parseAccountNumber,
  parseBusinessDate,
  parsePaymentId,
} from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { ReturnPaymentCommand } from './return-payment.command';

/** Restores a returned payment and charges the returned-payment fee. */
@CommandHandler(ReturnPaymentCommand)
export class ReturnPaymentHandler implements ICommandHandler<ReturnPaymentCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: ReturnPaymentCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    if (!isNachaReturnCode(input.returnCode)) {
      throw invalidInput('RETURN_CODE_UNKNOWN', 'returnCode must be a NACHA code R01 to R99', 'returnCode');
    }
    const returnCode: NachaReturnCode = input.returnCode;
    const command: ReturnPayment = {
      type: 'ReturnPayment',
      data: {
        paymentId: parsePaymentId(input.paymentId),
        returnCode,
        returnedOn: parseBusinessDate(input.returnedOn, 'returnedOn'),
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
