import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Projection } from '@ledger/read-models';
import { Public } from '../http/auth/required-scope.decorator';
import { ProjectionHealth, ProjectionHealthReader } from './projection-health';
import { PROJECTIONS } from './read-models.tokens';

/**
 * GET /health/projections: every projection's version, status, checkpoint and lag, healthy or
 * not. /health carries one check per projection; this is the structured detail behind it.
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class ProjectionHealthController {
  constructor(
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    private readonly reader: ProjectionHealthReader,
  ) {}

  @Get('projections')
  @ApiOkResponse({ description: 'Every projection is running or catching up' })
  @ApiServiceUnavailableResponse({ description: 'A projection failed or stalled' })
  async projectionHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ projections: ProjectionHealth[] }> {
    const projections = await Promise.all(this.projections.map((projection) => this.reader.read(projection)));
    void reply.status(projections.every((health) => health.healthy) ? 200 : 503);
    return { projections };
  }
}
