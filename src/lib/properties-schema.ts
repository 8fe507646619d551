import type { JsonSchema } from './settings-schema';

// Properties are free-form JSON (domain §6.2); only `opschain.env` and `opschain.files` mean something to
// OpsChain itself, and string values starting with `secret-vault://` are references to the secret vault.

export const SECRET_VAULT_PREFIX = 'secret-vault://';

/** The properties document's schema for Monaco: any JSON object, with hover help on the reserved keys. */
export function propertiesJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OpsChain properties',
    type: 'object',
    additionalProperties: true,
    properties: {
      opschain: {
        type: 'object',
        description: 'Keys OpsChain reads itself: environment variables and files for the action runner.',
        markdownDescription:
          '**Reserved by OpsChain.** `env`: environment variables for the actions; `files`: files to write before the actions run.',
        additionalProperties: true,
        properties: {
          env: {
            type: 'object',
            description:
              'Environment variables set for the actions, name → value. A value may reference the secret vault (secret-vault://…).',
            markdownDescription:
              '**opschain.env** — environment variables set for the actions, `NAME: value`. A value may reference the secret vault (`secret-vault://…`).',
            additionalProperties: { type: ['string', 'number', 'boolean'] },
          },
          files: {
            type: 'object',
            description: 'Files OpsChain writes before the actions run, keyed by path.',
            markdownDescription:
              '**opschain.files** — files OpsChain writes before the actions run, keyed by their path.',
            additionalProperties: true,
          },
        },
      },
    },
  };
}

/** The editor's mark on every secret reference (a `StringMark` of src/ui/code-editor-types.ts). */
export const secretReferenceMarks = [
  {
    prefix: SECRET_VAULT_PREFIX,
    hoverMessage:
      '**Secret vault reference.** OpsChain resolves it when an action runs; the secret itself is never stored in the properties.',
  },
] as const;

/** A string value that references the secret vault, and where it is (RFC 6901 JSON pointer). */
export interface SecretReference {
  pointer: string;
  value: string;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Every `secret-vault://` string in a document, in document order. Iterative, so a deeply nested document
 * cannot overflow the stack.
 */
export function findSecretReferences(document: unknown): SecretReference[] {
  const found: SecretReference[] = [];
  const stack: { value: unknown; pointer: string }[] = [{ value: document, pointer: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, pointer } = item;
    if (typeof value === 'string') {
      if (value.startsWith(SECRET_VAULT_PREFIX)) found.push({ pointer, value });
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: value[index], pointer: `${pointer}/${String(index)}` });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const entry = entries[index];
        if (entry !== undefined)
          stack.push({ value: entry[1], pointer: `${pointer}/${escapePointerToken(entry[0])}` });
      }
    }
  }
  return found;
}
