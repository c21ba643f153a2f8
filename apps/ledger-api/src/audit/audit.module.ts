import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/**
 * The audit API. Needs EVENT_STORE, READ_STORE, CHECKPOINT_STORE and PROJECTIONS from the global
 * event-store and read-model modules; BUSINESS_DATE is optional (explain defaults to it).
 */
@Module({ controllers: [AuditController] })
export class AuditModule {}
