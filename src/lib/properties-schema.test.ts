import { describe, expect, it } from 'vitest';
import { findSecretReferences, propertiesJsonSchema } from './properties-schema';

describe('propertiesJsonSchema', () => {
  it('allows any keys and explains opschain.env and opschain.files', () => {
    const schema = propertiesJsonSchema();
    expect(schema.additionalProperties).toBe(true);
    const opschain = schema.properties?.opschain;
    expect(opschain?.properties?.env?.markdownDescription).toMatch(/environment variables/);
    expect(opschain?.properties?.files?.markdownDescription).toMatch(/files OpsChain writes/);
  });
});

describe('findSecretReferences', () => {
  it('finds secret-vault strings at any depth, with escaped JSON pointers, in document order', () => {
    const document = {
      db: { password: 'secret-vault://db/password', host: 'db.local' },
      'a/b': ['x', 'secret-vault://list'],
      'c~d': 'secret-vault://tilde',
      plain: 'not secret-vault://here',
    };
    expect(findSecretReferences(document)).toEqual([
      { pointer: '/db/password', value: 'secret-vault://db/password' },
      { pointer: '/a~1b/1', value: 'secret-vault://list' },
      { pointer: '/c~0d', value: 'secret-vault://tilde' },
    ]);
  });

  it('finds nothing in documents without references, and handles very deep nesting', () => {
    expect(findSecretReferences({ a: 1, b: [true, null] })).toEqual([]);
    let deep: unknown = 'secret-vault://deep';
    for (let i = 0; i < 20_000; i += 1) deep = { k: deep };
    expect(findSecretReferences(deep)).toHaveLength(1);
  });
});
