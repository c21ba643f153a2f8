import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordTitleMailed, parseAccountNumber, parseBusinessDate } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { RecordTitleMailedCommand } from './record-title-mailed.command';

/** Records the paper title mailed with its carrier and tracking number. */
@CommandHandler(RecordTitleMailedCommand)
export class RecordTitleMailedHandler implements ICommandHandler<RecordTitleMailedCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: RecordTitleMailedCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const { carrier, trackingNumber } = input;
    const mailedOn = parseBusinessDate(input.mailedOn, 'mailedOn');
    const command: RecordTitleMailed = {
      type: 'RecordTitleMailed',
      data: { carrier, trackingNumber, mailedOn },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
