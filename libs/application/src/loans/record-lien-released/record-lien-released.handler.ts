import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordLienReleased, parseAccountNumber, parseBusinessDate } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { RecordLienReleasedCommand } from './record-lien-released.command';

/** Records the lien release the title state confirmed. */
@CommandHandler(RecordLienReleasedCommand)
export class RecordLienReleasedHandler implements ICommandHandler<RecordLienReleasedCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: RecordLienReleasedCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: RecordLienReleased = {
      type: 'RecordLienReleased',
      data: { releasedOn: parseBusinessDate(input.releasedOn, 'releasedOn') },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
