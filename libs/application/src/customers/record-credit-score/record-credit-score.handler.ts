import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreditBureau, RecordCreditScore, parseBusinessDate, parseCustomerId } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { CustomerStreams } from '../customer-streams';
import { RecordCreditScoreCommand } from './record-credit-score.command';

/** Records a bureau's report; the decider checks score range, model, bureau and date. */
@CommandHandler(RecordCreditScoreCommand)
export class RecordCreditScoreHandler implements ICommandHandler<RecordCreditScoreCommand, CommandResult> {
  constructor(private readonly customers: CustomerStreams) {}

  async execute({ input, metadata }: RecordCreditScoreCommand): Promise<CommandResult> {
    const customerId = parseCustomerId(input.customerId);
    const command: RecordCreditScore = {
      type: 'RecordCreditScore',
      // The decider parses the bureau (InvalidInput CREDIT_BUREAU_...), so the cast only defers the check.
      data: {
        customerId,
        score: input.score,
        model: input.model,
        bureau: input.bureau as CreditBureau,
        asOf: parseBusinessDate(input.asOf, 'asOf'),
      },
    };
    return this.customers.decide(customerId, command, metadata);
  }
}
