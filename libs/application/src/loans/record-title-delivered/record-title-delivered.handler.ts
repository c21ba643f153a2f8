import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordTitleDelivered, parseAccountNumber, parseBusinessDate } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { RecordTitleDeliveredCommand } from './record-title-delivered.command';

/** Records the title delivered to the borrower. */
@CommandHandler(RecordTitleDeliveredCommand)
export class RecordTitleDeliveredHandler implements ICommandHandler<
  RecordTitleDeliveredCommand,
  CommandResult
> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: RecordTitleDeliveredCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: RecordTitleDelivered = {
      type: 'RecordTitleDelivered',
      data: { deliveredOn: parseBusinessDate(input.deliveredOn, 'deliveredOn') },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
