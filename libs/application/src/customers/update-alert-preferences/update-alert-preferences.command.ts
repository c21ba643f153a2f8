import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';
import { AlertPreferences } from '@ledger/domain';

/** UpdateAlertPreferences as the border validated it; the decider checks every field again. */
export interface UpdateAlertPreferencesInput {
  readonly customerId: string;
  readonly preferences: AlertPreferences;
}

/** Replace the alert preferences (PUT /v1/customers/{id}/alert-preferences). */
export class UpdateAlertPreferencesCommand extends Command<CommandResult> {
  constructor(
    readonly input: UpdateAlertPreferencesInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
