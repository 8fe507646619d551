import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { createTemplate, updateTemplateCredentials } from './templates';

const emulator = setUpEmulator();

describe('templates', () => {
  it('creates a template without credentials and later replaces them, all three keys each time', async () => {
    signInAs('opschain');
    const template = await createTemplate({
      projectCode: 'bank',
      attributes: {
        code: 'public_repo',
        name: 'Public repository',
        description: 'No sign-in',
        url: 'https://git.example.com/public.git',
      },
    });
    expect(template).toMatchObject({ user: null, password: null, ssh_key_data: null });

    await updateTemplateCredentials({
      projectCode: 'bank',
      code: 'public_repo',
      credentials: { ssh_key_data: 'KEY' },
    });
    const updated = await updateTemplateCredentials({
      projectCode: 'bank',
      code: 'public_repo',
      credentials: { user: 'bot', password: 'pw' },
    });

    expect(updated).toMatchObject({ user: '{{hidden}}', password: '{{hidden}}', ssh_key_data: null });
    const stored = emulator()
      .app.emulator.db.prepare(
        "SELECT user, password, ssh_key_data FROM templates WHERE code = 'public_repo'",
      )
      .get();
    expect(stored).toEqual({ user: 'bot', password: 'pw', ssh_key_data: null });
  });
});
