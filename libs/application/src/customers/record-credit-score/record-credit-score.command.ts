import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RecordCreditScore as the border validated it; the decider checks every field again. */
export interface RecordCreditScoreInput {
  readonly customerId: string;
  readonly score: number;
  readonly model: string;
  readonly bureau: string;
  readonly asOf: string;
}

/** Record a credit score a bureau reported (POST /v1/customers/{id}/credit-scores). */
export class RecordCreditScoreCommand extends Command<CommandResult> {
  constructor(
    readonly input: RecordCreditScoreInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
