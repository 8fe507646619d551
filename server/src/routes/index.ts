import type { FastifyInstance } from 'fastify';
import { nodeRoutes } from './nodes.ts';
import { systemRoutes } from './system.ts';

/** Every `/api` route of the emulator. One module per resource family. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  systemRoutes(app);
  nodeRoutes(app);
  await Promise.resolve();
}
