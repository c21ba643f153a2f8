import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UpdateAlertPreferences, parseCustomerId } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { CustomerStreams } from '../customer-streams';
import { UpdateAlertPreferencesCommand } from './update-alert-preferences.command';

/** Replaces the alert preferences; the same preferences again decide nothing. */
@CommandHandler(UpdateAlertPreferencesCommand)
export class UpdateAlertPreferencesHandler implements ICommandHandler<
  UpdateAlertPreferencesCommand,
  CommandResult
> {
  constructor(private readonly customers: CustomerStreams) {}

  async execute({ input, metadata }: UpdateAlertPreferencesCommand): Promise<CommandResult> {
    const customerId = parseCustomerId(input.customerId);
    const command: UpdateAlertPreferences = {
      type: 'UpdateAlertPreferences',
      data: { customerId, preferences: input.preferences },
    };
    return this.customers.decide(customerId, command, metadata);
  }
}
