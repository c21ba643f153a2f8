import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Swagger UI's assets, served from the swagger-ui-dist package @nestjs/swagger depends on.
// Nest's own UI route needs @fastify/static, which this project does not install.
const UI_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const UI_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vehicle loan ledger API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui' });</script></body></html>`;

/**
 * Serves the OpenAPI document generated from the controllers at /docs-json (and /docs-yaml), and
 * Swagger UI at /docs. Both are public: they describe the API, they do not expose data.
 */
export function setupApiDocs(app: INestApplication, fastify: FastifyInstance): void {
  const config = new DocumentBuilder()
    .setTitle('Vehicle loan ledger')
    .setDescription('Event-sourced payment ledger for vehicle loans. Errors are RFC 9457 problem details.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key from LEDGER_API_KEYS' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    ui: false,
    raw: ['json', 'yaml'],
    jsonDocumentUrl: 'docs-json',
  });
  const assetsDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(UI_PAGE));
  fastify.get<{ Params: { asset: string } }>('/docs/:asset', (request, reply) => {
    const type = UI_ASSETS[request.params.asset];
    if (type === undefined) return reply.status(404).type('text/plain').send('Not found');
    return reply.type(type).header('Cache-Control', 'public, max-age=86400').send(readFileSync(join(assetsDir, request.params.asset)));
  });
}
