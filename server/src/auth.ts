import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/database.ts';
import { unauthorized } from './errors.ts';

const KEY_LENGTH = 32;

/** `scrypt$<salt hex>$<hash hex>` */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface Principal {
  username: string;
  groups: string[];
}

interface UserRow {
  username: string;
  password_hash: string | null;
}

/**
 * Verifies HTTP Basic credentials. scrypt is deliberately slow, so a successful check is remembered
 * (by a salted digest of the credentials, never the password itself) until the user's hash changes.
 */
export class Authenticator {
  private readonly db: Db;
  private readonly verified = new Map<string, string>();
  private readonly pepper = randomBytes(16);

  constructor(db: Db) {
    this.db = db;
  }

  authenticate(header: string | undefined): Principal {
    if (!header?.startsWith('Basic ')) throw unauthorized();
    let decoded: string;
    try {
      decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    } catch {
      throw unauthorized();
    }
    const sep = decoded.indexOf(':');
    if (sep <= 0) throw unauthorized();
    const username = decoded.slice(0, sep);
    const password = decoded.slice(sep + 1);
    const row = this.db
      .prepare('SELECT username, password_hash FROM users WHERE username = ?')
      .get(username) as UserRow | undefined;
    if (!row?.password_hash) throw unauthorized();
    const digest = createHash('sha256').update(this.pepper).update(decoded).digest('hex');
    if (this.verified.get(digest) !== row.password_hash) {
      if (!verifyPassword(password, row.password_hash)) throw unauthorized();
      this.verified.set(digest, row.password_hash);
    }
    return { username, groups: groupsOf(this.db, username) };
  }
}

export function groupsOf(db: Db, username: string): string[] {
  const rows = db
    .prepare('SELECT group_cn FROM group_members WHERE username = ? ORDER BY group_cn')
    .all(username) as { group_cn: string }[];
  return rows.map((r) => r.group_cn);
}
