import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@contract/demo-users.ts';
import { startEmulator } from '@server/test/emulator.ts';

describe('demo seed users', () => {
  it('seeds exactly the shared list of demo users, each signing in with their name', async () => {
    const emu = await startEmulator({ drive: false });
    try {
      const res = await emu.request('opschain', 'GET', '/api/users');
      const names = (res.body as { data: { attributes: { username: string } }[] }).data.map(
        (u) => u.attributes.username,
      );
      expect([...names].sort()).toEqual([...DEMO_USERS].sort());
      for (const user of DEMO_USERS) {
        expect((await emu.request(user, 'GET', '/api/info')).status).toBe(200);
      }
    } finally {
      await emu.close();
    }
  });
});
