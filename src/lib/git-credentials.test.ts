import { describe, expect, it } from 'vitest';
import { credentialAttributes } from './git-credentials';

describe('credentialAttributes', () => {
  const draft = { user: ' bot ', password: 'pw', ssh_key_data: 'KEY' };

  it('sends all three keys for every method, null for the ones the method does not use', () => {
    expect(credentialAttributes({ ...draft, auth: 'password' })).toEqual({
      user: 'bot',
      password: 'pw',
      ssh_key_data: null,
    });
    expect(credentialAttributes({ ...draft, auth: 'ssh' })).toEqual({
      user: null,
      password: null,
      ssh_key_data: 'KEY',
    });
    expect(credentialAttributes({ ...draft, auth: 'none' })).toEqual({
      user: null,
      password: null,
      ssh_key_data: null,
    });
  });
});
