import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RecordTitleDelivered as the border validated it: amounts and dates are still the client's strings. */
export interface RecordTitleDeliveredInput {
  readonly accountNumber: string;
  readonly deliveredOn: string;
}

/** Record that the title reached the borrower (POST /v1/loans/{acct}/title/delivered). */
export class RecordTitleDeliveredCommand extends Command<CommandResult> {
  constructor(
    readonly input: RecordTitleDeliveredInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
