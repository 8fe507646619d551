import { describe, expect, it } from 'vitest';
import { startEmulator } from './emulator.ts';
import { assertConsoleReads, assertMatchesSpec } from './openapi.ts';

describe('contract checks of an answer', () => {
  it("checks it against the document (date-times too) and the console's schema", async () => {
    const emu = await startEmulator({ drive: false });
    try {
      const spec = '/api/projects/{project_code}/git_remotes';
      const res = await emu.contract('viewer', 'GET', '/api/projects/bank/git_remotes', spec);
      const body = res.body as { data: { meta: unknown; attributes: Record<string, unknown> }[] };
      const first = body.data[0];
      if (!first) throw new Error('the demo seed has Git remotes on bank');

      expect(() => {
        assertConsoleReads('git_remote_array', body, 'GET git remotes');
      }).not.toThrow();
      // The engine events that broke the events page: the console needs a username.
      const event = {
        data: [
          {
            id: 'e1',
            type: 'event',
            attributes: {
              username: null,
              system: true,
              type: 'x',
              created_at: '2025-04-25T06:21:23.984222Z',
            },
          },
        ],
      };
      expect(() => {
        assertConsoleReads('event_array', event, 'GET /api/events');
      }).toThrow(
        /GET \/api\/events matches event_array but the console's schema refuses it:\n\/data\/0\/attributes\/username/,
      );

      first.attributes.created_at = 'yesterday';
      expect(() => {
        assertMatchesSpec('GET', spec, 200, body);
      }).toThrow(/created_at must match format "date-time"/);
    } finally {
      await emu.close();
    }
  });
});
