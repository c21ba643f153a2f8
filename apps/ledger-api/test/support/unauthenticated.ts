import { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';

/** Requests without any Authorization header. */
export const request = (app: NestFastifyApplication) => supertest(app.getHttpServer());
