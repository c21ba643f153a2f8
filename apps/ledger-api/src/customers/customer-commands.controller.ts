import { Body, Controller, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CommandMetadata,
  CommandResult,
  LinkVehicleCommand,
  RecordCreditScoreCommand,
  RegisterCustomerCommand,
  UpdateAlertPreferencesCommand,
} from '@ledger/application';
import { CLOCK, Clock } from '../clock/clock';
import { CommandRoute } from '../loans/api-command-docs';
import { commandMetadataOf } from '../loans/command-metadata';
import {
  AlertPreferencesRequest,
  LinkVehicleRequest,
  RecordCreditScoreRequest,
} from './dto/customer-commands.request';
import { RegisterCustomerRequest } from './dto/register-customer.request';

/** Every customer command of api.md, sent on the command bus. */
@ApiTags('customer commands')
@Controller('v1/customers')
export class CustomerCommandsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private metadata(request: FastifyRequest): CommandMetadata {
    return commandMetadataOf(request, this.clock.now());
  }

  @Post()
  @ApiOperation({ summary: 'Register a customer' })
  @CommandRoute('The customer was registered', { created: true })
  register(@Body() body: RegisterCustomerRequest, @Req() request: FastifyRequest): Promise<CommandResult> {
    return this.commands.execute(new RegisterCustomerCommand(body, this.metadata(request)));
  }

  @Put(':id/alert-preferences')
  @ApiOperation({ summary: 'Set the alert preferences' })
  @CommandRoute('The preferences were set', { created: false })
  updateAlertPreferences(
    @Param('id') customerId: string,
    @Body() body: AlertPreferencesRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new UpdateAlertPreferencesCommand({ customerId, preferences: body }, this.metadata(request)),
    );
  }

  @Post(':id/vehicles')
  @ApiOperation({ summary: 'Link a vehicle loan (SSN and VIN or account number)' })
  @CommandRoute('The vehicle loan was linked', { created: true })
  linkVehicle(
    @Param('id') customerId: string,
    @Body() body: LinkVehicleRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(new LinkVehicleCommand({ ...body, customerId }, this.metadata(request)));
  }

  @Post(':id/credit-scores')
  @ApiOperation({ summary: 'Record a credit score' })
  @CommandRoute('The score was recorded', { created: true })
  recordCreditScore(
    @Param('id') customerId: string,
    @Body() body: RecordCreditScoreRequest,
    @Req() request: FastifyRequest,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordCreditScoreCommand({ ...body, customerId }, this.metadata(request)),
    );
  }
}
