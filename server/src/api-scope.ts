import type { FastifyRequest } from 'fastify';

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Whether a request is for the API (authenticated, subject to EMULATOR_FAULTS). Decided on the route the
 * router matched, which it finds after decoding the path: `/%61pi/info` reaches the `/api/info` route, so
 * testing the raw URL let such spellings through unauthenticated. A request that matched no route counts
 * when its raw path is under /api, so unknown API paths still ask for credentials first.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route !== undefined) return isApiPath(route);
  return isApiPath(req.url.split('?')[0] ?? '');
}
