import { describe, expect, it } from 'vitest';
import { attrs, startEmulator } from '@server/test/emulator.ts';
import { isJsonObject, specOperationList } from './openapi.ts';
import { assertRequestMatches, requestOperationsFor, validatedOperationCount } from './request-validation.ts';

/** The document's own request examples, per operation. */
function documentedExamples(): { key: string; method: string; path: string; body: unknown }[] {
  const out: { key: string; method: string; path: string; body: unknown }[] = [];
  for (const op of specOperationList()) {
    const body = op.operation.requestBody;
    if (!isJsonObject(body) || !isJsonObject(body.content)) continue;
    for (const media of Object.values(body.content)) {
      if (!isJsonObject(media) || !isJsonObject(media.examples)) continue;
      for (const [name, example] of Object.entries(media.examples)) {
        if (isJsonObject(example))
          out.push({
            key: `${op.method} ${op.path} #${name}`,
            method: op.method,
            path: op.path,
            body: example.value,
          });
      }
    }
  }
  return out;
}

describe('request validation against the OpenAPI document', () => {
  it('validates every operation of the document that has a request body', () => {
    const withBodies = specOperationList().filter((op) => isJsonObject(op.operation.requestBody));
    expect(validatedOperationCount()).toBe(withBodies.length);
    expect(validatedOperationCount()).toBe(44);
  });

  it('accepts every request example of the document', () => {
    const examples = documentedExamples();
    expect(examples.length).toBeGreaterThan(10);
    for (const { key, method, path, body } of examples) {
      const ops = requestOperationsFor(method, path);
      expect(ops.length, key).toBeGreaterThan(0);
      expect(() => {
        assertRequestMatches(ops, body);
      }, key).not.toThrow();
    }
  });

  it('maps the nested routes the emulator serves to the document operation of the same body', () => {
    const keys = (method: string, url: string) => requestOperationsFor(method, url).map((op) => op.key);
    expect(keys('POST', '/api/projects/:project_code/environments/:environment_code/changes')).toEqual([
      'POST /api/changes',
    ]);
    expect(keys('PATCH', '/api/projects/:project_code/bookmarks/:bookmark_id')).toEqual([
      'PATCH /api/projects/{project_code}/assets/{asset_code}/bookmarks/{bookmark_id}',
    ]);
    expect(keys('PATCH', '/api/projects/:project_code/git_remotes/:remote_id')).toHaveLength(2);
  });

  it('refuses a Git remote created without its nullable credential keys, pointing at each', async () => {
    const emu = await startEmulator({ drive: false });
    try {
      const res = await emu.request(
        'operator',
        'POST',
        '/api/projects/bank/git_remotes',
        attrs({ name: 'partial', url: 'https://x.example/r.git', user: 'bot' }),
      );
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        errors: [
          {
            status: 422,
            code: 'model error',
            title: 'Password must be sent (as null when it has no value)',
            source: { pointer: '/data/attributes/password' },
          },
          {
            status: 422,
            code: 'model error',
            title: 'Ssh key data must be sent (as null when it has no value)',
            source: { pointer: '/data/attributes/ssh_key_data' },
          },
        ],
      });
      const typeBeside = await emu.request('operator', 'POST', '/api/projects/bank/git_remotes', {
        data: {
          type: 'git_remote',
          attributes: {
            name: 'typed',
            url: 'https://x.example/r.git',
            user: null,
            password: null,
            ssh_key_data: null,
          },
        },
      });
      expect(typeBeside.status).toBe(201);
    } finally {
      await emu.close();
    }
  });
});
