import { z } from 'zod';

// Not OpsChain's API: what the console's own server (server/serve.ts) says about itself, outside `/api`,
// so the console can mark the embedded emulator without adding anything to the API's answers. Served
// only when the embedded emulator answers `/api`; proxying to a real OpsChain, the path is a 404.

export const CONSOLE_BACKEND_PATH = '/__console/backend';

export const consoleBackendSchema = z.object({ backend: z.literal('emulator') });
export type ConsoleBackend = z.infer<typeof consoleBackendSchema>;
