import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RecordTitleMailed as the border validated it: amounts and dates are still the client's strings. */
export interface RecordTitleMailedInput {
  readonly accountNumber: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly mailedOn: string;
}

/** Record that the paper title was mailed (POST /v1/loans/{acct}/title/mailed). */
export class RecordTitleMailedCommand extends Command<CommandResult> {
  constructor(
    readonly input: RecordTitleMailedInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
