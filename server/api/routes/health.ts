import { Hono } from 'hono';
import type { HealthResponse } from '@shared/api/types.js';
import type { ApiEnv, AppServices } from '../context.js';

export function healthRoutes(services: AppServices): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get('/health', (c) => {
    const body: HealthResponse = {
      status: 'ok',
      version: services.version,
      uptimeSeconds: Math.round((Date.now() - services.startedAt) / 1000),
      ...services.collab().stats(),
    };
    return c.json(body);
  });
}
