// Node codes (domain §2.2): OpsChain lower-cases them on creation and, as for templates, accepts only
// lowercase letters, digits and underscores. Checked here first so the common mistakes need no round trip.

export const CODE_MAX_LENGTH = 50;
export const NAME_MAX_LENGTH = 200;

export function validateCode(value: string): string | null {
  const code = value.trim();
  if (code === '') return 'Enter a code, e.g. "prod" or "soa_dev".';
  if (code.length > CODE_MAX_LENGTH) return `Use at most ${String(CODE_MAX_LENGTH)} characters.`;
  if (!/^[a-z0-9_]+$/.test(code)) return 'Use only lowercase letters, digits and underscores.';
  return null;
}

export function validateName(value: string): string | null {
  const name = value.trim();
  if (name === '') return 'Enter a name.';
  if (name.length > NAME_MAX_LENGTH) return `Use at most ${String(NAME_MAX_LENGTH)} characters.`;
  return null;
}

/** What people type into a code box, made into a code: `Prod EU` → `prod_eu`. */
export function normaliseCode(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '_');
}
