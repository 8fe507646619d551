import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, startEmulator, type TestEmulator } from '@server/test/emulator.ts';
import { errorDocumentProblems } from '@server/test/openapi.ts';
import { settlePendingVersions } from './template-store.ts';

/**
 * Malformed input against every operation of the OpenAPI document: generated bodies, query parameters, path
 * spellings and media types. Whatever arrives, the emulator answers in time, never with a 5xx, every error is
 * a JSON:API error document, a refused request writes nothing, and no request without credentials succeeds.
 *
 * `npm test` runs a fixed sample (seed and count below); `npm run fuzz` runs more (FUZZ_RUNS, FUZZ_SEED).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? '600');
const SEED = Number(process.env.FUZZ_SEED ?? '20261202');
/** A request taking longer than this counts as a hang. */
const HANG_MS = 5_000;
const JSON_API = 'application/vnd.api+json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Operation {
  method: string;
  path: string;
  /** Attribute names of the documented request body (empty without one). */
  attributes: string[];
}

function operationsOf(spec: unknown): Operation[] {
  const paths = isObject(spec) && isObject(spec.paths) ? spec.paths : {};
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || !isObject(op)) continue;
      let attributes: string[] = [];
      const content = isObject(op.requestBody) ? op.requestBody.content : undefined;
      const media = isObject(content) ? Object.values(content)[0] : undefined;
      const schema = isObject(media) ? media.schema : undefined;
      const data = isObject(schema) && isObject(schema.properties) ? schema.properties.data : undefined;
      const attrs = isObject(data) && isObject(data.properties) ? data.properties.attributes : undefined;
      if (isObject(attrs) && isObject(attrs.properties)) attributes = Object.keys(attrs.properties);
      out.push({ method: method.toUpperCase(), path, attributes });
    }
  }
  return out;
}

const spec: unknown = JSON.parse(
  readFileSync(new URL('../../contract/openapi/openapi-2025-04-25.json', import.meta.url), 'utf8'),
);
const OPERATIONS = operationsOf(spec);

// ---- generators ----------------------------------------------------------------------------------------

/** Path segments that break parsers or routers, percent-encoded or not. */
const ODD_SEGMENTS = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2F',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  'a%20b',
  "'",
  '"',
  '<script>',
  'ümlaut',
  '😀',
  '-1',
  '0',
  '99999999999999999999',
  'null',
  'a'.repeat(300),
];

function encodeChar(c: string, lower: boolean): string {
  const hex = Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return lower ? hex : hex.toUpperCase();
}

/** Positions of the characters of `text` (ASCII paths) that match `pattern`. */
function positions(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (pattern.test(text.charAt(i))) out.push(i);
  return out;
}

/** Ways to spell the same path (or almost the same) that routers and auth checks may see differently. */
type Spelling = (path: string, pick: number) => string;
const SPELLINGS: [string, Spelling][] = [
  ['as is', (p) => p],
  [
    'percent-encoded letter',
    (p, n) => {
      const letters = positions(p, /[a-z]/i);
      const at = letters[n % Math.max(1, letters.length)] ?? 1;
      return p.slice(0, at) + encodeChar(p.charAt(at), n % 2 === 0) + p.slice(at + 1);
    },
  ],
  ['percent-encoded api', (p, n) => p.replace(/^\/api/, n % 2 === 0 ? '/%61pi' : '/%61%70%69')],
  ['encoded slash', (p, n) => p.replace(/\//g, (m, i: number) => (i === 0 || n % 3 !== 0 ? m : '%2F'))],
  [
    'double slash',
    (p, n) => {
      const slashes = positions(p, /\//);
      const at = slashes[n % slashes.length] ?? 0;
      return `${p.slice(0, at)}/${p.slice(at)}`;
    },
  ],
  ['upper case', (p, n) => (n % 2 === 0 ? p.toUpperCase() : p.replace(/^\/api/, '/API'))],
  ['trailing dot', (p, n) => (n % 2 === 0 ? `${p}.` : p.replace(/^\/api/, '/api.'))],
  ['trailing slash', (p, n) => `${p}${'/'.repeat(1 + (n % 2))}`],
  ['dot segment', (p) => p.replace(/^\/api\//, '/api/./')],
  ['dot-dot segment', (p) => p.replace(/^\/api\//, '/api/x/../')],
  ['backslash', (p) => p.replace(/\//g, (m, i: number) => (i === 0 ? m : '\\'))],
  ['matrix parameter', (p) => `${p};jsessionid=x`],
  ['encoded NUL', (p) => `${p}%00`],
];

/** Query parameters: the documented ones, ransack filters, and noise. */
const queryKey = fc.oneof(
  fc.constantFrom(
    'limit',
    'include',
    'download',
    'filter[m]',
    'filter[sorts]',
    'filter[sorts][]',
    'filter[s]',
    'filter[code_eq]',
    'filter[code_in][]',
    'filter[name_cont]',
    'filter[created_at_gt]',
    'filter[created_at_lt]',
    'filter[archived_true]',
    'filter[id_not_in][]',
    'filter[type_eq]',
    'filter[request_body_a_present]',
    'filter[payload_x,y_eq]',
    'filter[metadata_k_eq]',
    'filter[',
    'filter[]',
    'filter[[x]]',
    'filter[code_eq][x]',
    'page[size]',
  ),
  fc.string({ maxLength: 12 }),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1001',
    '1e9',
    'NaN',
    'null',
    'true',
    'code desc',
    'code;DROP TABLE nodes',
    "' OR 1=1--",
    'name asc, code desc',
    '(a+)+$',
    '2025-13-45T99:99:99Z',
    'x'.repeat(2_000),
  ),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);
const query = fc
  .array(fc.tuple(queryKey, queryValue, fc.boolean()), { maxLength: 4 })
  .map((pairs) =>
    pairs
      .map(([k, v, raw]) =>
        raw
          ? `${k}=${v}`
          : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`.replace(/%5B|%5D/g, decodeURI),
      )
      .join('&'),
  );

const MEDIA_TYPES = [
  null,
  JSON_API,
  'application/json',
  `${JSON_API}; charset=utf-8`,
  `${JSON_API}; ext="https://jsonapi.org/ext/atomic"`,
  'APPLICATION/VND.API+JSON',
  'application/json-patch+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  '',
  ';;;',
];

/** JSON without -0, which JSON text cannot carry. */
const jsonValue: fc.Arbitrary<Json> = fc
  .jsonValue({ maxDepth: 3 })
  .map((v): Json => JSON.parse(JSON.stringify(v)) as Json);

function nested(levels: number, open: string, close: string, inner = '1'): string {
  return open.repeat(levels) + inner + close.repeat(levels);
}

function bodyOf(op: Operation): fc.Arbitrary<string | null> {
  const names = op.attributes.length > 0 ? op.attributes : ['code', 'name', 'type', 'data', 'metadata'];
  const attributeName = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 }));
  const attributes = fc.dictionary(attributeName, jsonValue, { maxKeys: 5 });
  return fc.oneof(
    fc.constant(null),
    // A right envelope with wrong or odd attributes.
    {
      weight: 3,
      arbitrary: attributes.map((a) => JSON.stringify({ data: { attributes: a } })),
    },
    attributes.map((a) => JSON.stringify({ data: { type: 'x', id: 1, attributes: a, relationships: a } })),
    // Any JSON at all.
    jsonValue.map((v) => JSON.stringify(v)),
    // Not JSON, or almost.
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '{',
      '{"data":',
      '{"data":{"attributes":{"code":"x",}}}',
      '\uFEFF{"data":{"attributes":{}}}',
      '{"data":{"attributes":{"__proto__":{"admin":true},"constructor":{"prototype":{}}}}}',
      'null',
      '[]',
      '"\\ud800"',
      'NaN',
      '1e400',
      '{"data":{"attributes":{"a":1,"a":2}}}',
    ),
    // Deep nesting, in the attributes and as the whole body.
    fc
      .integer({ min: 100, max: 6_000 })
      .map((n) => `{"data":{"attributes":{"metadata":${nested(n, '{"a":', '}')}}}}`),
    fc.integer({ min: 100, max: 6_000 }).map((n) => nested(n, '[', ']')),
  );
}

type User = 'opschain' | 'viewer' | null;

interface Input {
  user: User;
  values: number[];
  spelling: number;
  pick: number;
  query: string;
  mediaType: string | null;
  body: string | null;
}

function inputOf(op: Operation): fc.Arbitrary<Input> {
  return fc.record({
    user: fc.constantFrom<User>('opschain', 'opschain', 'viewer', null),
    values: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    // Half the requests are spelt and labelled properly, so that their bodies reach the handlers' checks.
    spelling: fc.oneof(fc.constant(0), fc.nat({ max: SPELLINGS.length - 1 })),
    pick: fc.nat(),
    query,
    mediaType: fc.oneof(fc.constant(JSON_API), fc.constantFrom(...MEDIA_TYPES)),
    body: bodyOf(op),
  });
}

// ---- the emulator and what it holds ---------------------------------------------------------------------

let emu: TestEmulator;
/** Real values for path parameters (from the demo seed), so requests reach the handlers' own checks. */
let known: Map<string, string[]>;

function column(sql: string): string[] {
  return emu.app.emulator.db
    .prepare(sql)
    .raw()
    .all()
    .map((row) => (Array.isArray(row) ? String(row[0]) : ''));
}

function knownValues(): Map<string, string[]> {
  const ids = (table: string): string[] => column(`SELECT id FROM ${table} LIMIT 3`);
  const any = [...ids('events'), ...ids('bookmarks'), ...ids('authorisation_rules'), 'bank', 'dev'];
  return new Map([
    ['project_code', ['bank', 'retail']],
    ['environment_code', ['dev', 'prod']],
    ['asset_code', ['soa_dev', 'shared_db']],
    ['template_code', column('SELECT code FROM templates')],
    ['workflow_code', column('SELECT code FROM workflows')],
    ['version', [...column('SELECT version FROM template_versions LIMIT 3'), '1']],
    ['version_number', ['1', '2']],
    ['properties_id', column("SELECT id FROM documents WHERE kind = 'properties' LIMIT 3")],
    ['settings_id', column("SELECT id FROM documents WHERE kind = 'settings' LIMIT 3")],
    ['event_id', ids('events')],
    ['bookmark_id', ids('bookmarks')],
    ['remote_id', ids('git_remotes')],
    ['mintmodel_id', ids('mintmodels')],
    ['authorisation_policy_id', ids('authorisation_policies')],
    ['authorisation_rule_id', ids('authorisation_rules')],
    ['policy_rule_id', ids('policy_rules')],
    ['run_id', ids('workflow_runs')],
    ['scheduled_change_id', ids('scheduled_activities')],
    ['*', any],
  ]);
}

/** The concrete path: real values most of the time, odd segments otherwise. */
function concretePath(op: Operation, values: readonly number[]): string {
  let i = 0;
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const n = values[i++ % values.length] ?? 0;
    const real = known.get(name) ?? known.get('*') ?? [];
    if (n % 4 !== 0 && real.length > 0) return encodeURIComponent(real[n % real.length] ?? '');
    return ODD_SEGMENTS[n % ODD_SEGMENTS.length] ?? '';
  });
}

/** Every row of every table, hashed: equal before and after a refused request, or it wrote something. */
function fingerprint(): string {
  const db = emu.app.emulator.db;
  const hash = createHash('sha256');
  for (const table of column("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
    hash.update(`\u0000${table}\u0000`);
    // A refused approval is recorded on purpose (`api:steps:approve:denied`): the one write a refusal makes.
    const rows =
      table === 'events'
        ? "SELECT * FROM events WHERE type NOT LIKE '%:denied' ORDER BY rowid"
        : `SELECT * FROM "${table}" ORDER BY rowid`;
    for (const row of db.prepare(rows).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

// ---- the property -----------------------------------------------------------------------------------------

const statusCounts = new Map<number, number>();
let sent = 0;

async function send(op: Operation, input: Input) {
  const spelling = SPELLINGS[input.spelling] ?? SPELLINGS[0];
  const path = spelling ? spelling[1](concretePath(op, input.values), input.pick) : op.path;
  const url = input.query === '' ? path : `${path}?${input.query}`;
  const headers: Record<string, string> = { accept: JSON_API };
  if (input.user) headers.authorization = basicAuth(input.user);
  if (input.mediaType !== null) headers['content-type'] = input.mediaType;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => {
      resolve('hang');
    }, HANG_MS);
  });
  const res = await Promise.race([
    emu.app.inject({
      method: op.method as 'GET',
      url,
      headers,
      ...(input.body === null ? {} : { payload: input.body }),
    }),
    timeout,
  ]);
  clearTimeout(timer);
  sent++;
  return { url, res };
}

function describeRequest(op: Operation, url: string, input: Input): string {
  const body = input.body === null ? '' : ` body ${input.body.slice(0, 200)}`;
  return `${op.method} ${url} as ${String(input.user)} (${String(input.mediaType)})${body}`;
}

/**
 * The emulator's time, moved on a second before each request. Simulated work that falls due (template
 * versions resolving, the engines' steps) is settled before the request, so the request itself is the only
 * thing that can change the database while it runs.
 */
let clockMs = Date.UTC(2025, 3, 25, 6, 0, 0);

function settle(): void {
  clockMs += 1_000;
  const core = emu.app.emulator;
  core.runTickers();
  settlePendingVersions(core);
}

async function check(op: Operation, input: Input): Promise<void> {
  settle();
  const before = fingerprint();
  const { url, res } = await send(op, input);
  const what = describeRequest(op, url, input);
  if (res === 'hang') throw new Error(`no answer within ${String(HANG_MS)} ms: ${what}`);
  statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
  expect(res.statusCode, `5xx: ${what}\n${res.body.slice(0, 500)}`).toBeLessThan(500);
  if (input.user === null) expect(res.statusCode, `no credentials: ${what}`).toBeGreaterThanOrEqual(400);
  if (res.statusCode < 400) return;
  expect(res.headers['content-type'], what).toMatch(/^application\/vnd\.api\+json/);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new Error(`error body is not JSON: ${what}\n${res.body.slice(0, 500)}`);
  }
  expect(errorDocumentProblems(body), `not a JSON:API error document: ${what}\n${res.body}`).toEqual([]);
  const errors = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
  expect(errors.length, what).toBeGreaterThan(0);
  expect(fingerprint(), `refused with ${String(res.statusCode)} but wrote: ${what}`).toBe(before);
}

beforeAll(async () => {
  emu = await startEmulator({ drive: false, clock: { now: () => clockMs } });
  known = knownValues();
});

afterAll(async () => {
  await emu.close();
  const counts = [...statusCounts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${String(s)}: ${String(n)}`);
  // The figures of a run (requests sent, answers per status) are part of what this suite reports.
  console.log(`malformed input: ${String(sent)} requests, seed ${String(SEED)}; ${counts.join(', ')}`);
});

describe('malformed input to every operation of the OpenAPI document', () => {
  const perOperation = Math.max(1, Math.ceil(RUNS / OPERATIONS.length));

  it('covers every operation', () => {
    expect(OPERATIONS.length).toBeGreaterThan(100);
  });

  it(
    'never answers 5xx or hangs, answers errors as JSON:API documents, and writes nothing it refuses',
    async () => {
      for (const [index, op] of OPERATIONS.entries()) {
        await fc.assert(
          fc.asyncProperty(inputOf(op), (input) => check(op, input)),
          { seed: SEED + index, numRuns: perOperation, endOnFailure: true },
        );
      }
    },
    Math.max(60_000, RUNS * 200),
  );
});
