import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RecordLienReleased as the border validated it: amounts and dates are still the client's strings. */
export interface RecordLienReleasedInput {
  readonly accountNumber: string;
  readonly releasedOn: string;
}

/** Record that the lien was released (POST /v1/loans/{acct}/title/lien-release). */
export class RecordLienReleasedCommand extends Command<CommandResult> {
  constructor(
    readonly input: RecordLienReleasedInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
