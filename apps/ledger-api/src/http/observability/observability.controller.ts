import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/required-scope.decorator';
import { HealthChecks, HealthReport } from './health-checks';
import { HttpMetrics } from './http-metrics';

/** Liveness, readiness and metrics: public, so orchestrators and scrapers need no key. */
@ApiTags('operations')
@Public()
@Controller()
export class ObservabilityController {
  constructor(
    private readonly health: HealthChecks,
    private readonly metrics: HttpMetrics,
  ) {}

  @Get('health')
  @ApiOkResponse({ description: 'Every registered check passed' })
  @ApiServiceUnavailableResponse({ description: 'At least one check failed' })
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.run();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'no-store')
  async getMetrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
