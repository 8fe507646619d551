/**
 * Compiles OpsChain's ransack query parameters (`filter[code_eq]=prod`, `filter[sorts]=name desc`, …) into a
 * SQLite WHERE expression and ORDER BY list with positional parameters, so list routes filter in SQL.
 *
 * Security: user input only ever reaches SQL as a bound `?` parameter. Attribute names select a schema entry
 * (the route's trusted SQL); the one exception is a nested JSON sort key, which is inlined because ORDER BY
 * cannot carry parameters without shifting the caller's — and only after a strict character check.
 *
 * Semantics follow ransack on PostgreSQL (OpsChain's database), documented where they are not obvious:
 * - Unknown attributes, predicates, sort attributes and keys not of the form `filter[…]` are ignored
 *   (ransack's default `ignore_unknown_conditions`).
 * - Values are trimmed and blank values dropped; a condition left without values is ignored, as ransack
 *   strips blank params (so an empty search box filters nothing).
 * - A value that cannot be converted to the field's type (`abc` for a number, `2025-02-30` for a datetime,
 *   `yes` for a boolean) makes its condition match no rows, negated predicates included: one rule that is
 *   easy to predict. Nothing throws: ransack casts bad values (to nil or 0) rather than raising, so a filter
 *   never turns a list request into a 4xx or 5xx.
 * - Switch predicates (`null`, `not_null`, `present`, `blank`, `true`, `not_true`, `false`, `not_false`)
 *   take a boolean (1/0, t/f, true/false); any other value drops the condition, as ransack's validator does.
 * - `cont`, `start`, `end`, `matches` (and their negations) are case-insensitive: ransack builds them with
 *   Arel `matches`, which PostgreSQL renders as ILIKE. `i_cont` is therefore the same as `cont` here.
 *   SQLite's LIKE folds ASCII letters only, where ILIKE folds all of Unicode. `eq`, `in`, `lt`… stay
 *   case-sensitive, as in PostgreSQL.
 * - Requested sorts follow PostgreSQL's NULL placement (last when ascending, first when descending); SQLite
 *   would put NULLs first.
 */

export type FieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'json';

export interface FilterField {
  /** SQL expression for the column, e.g. `n.code` or `json_extract(e.payload, '$')`. For 'json' fields, the SQL expression of the JSON text column (e.g. `c.metadata`). */
  sql: string;
  type: FieldType;
}

/** Attribute name (as the API names it, snake_case) → field. */
export type FilterSchema = Readonly<Record<string, FilterField>>;

export interface CompiledFilter {
  /** SQL boolean expression; '1=1' when there are no conditions. Use as `WHERE (${where})`. */
  where: string;
  /** Positional `?` parameters, in order. */
  params: unknown[];
  /** ORDER BY list without the keywords, e.g. `n.code DESC, n.created_at ASC`; the given default when no sorts. */
  orderBy: string;
  /** true if the request asked for any sort */
  sorted: boolean;
}

/** Parses the raw query string of a request URL (the part after `?`) into URLSearchParams; a helper for routes: `compileFilter(queryOf(req.url), ...)`. */
export function queryOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  if (start < 0) return new URLSearchParams();
  const end = url.indexOf('#', start);
  return new URLSearchParams(end < 0 ? url.slice(start + 1) : url.slice(start + 1, end));
}

export function compileFilter(
  query: URLSearchParams,
  schema: FilterSchema,
  options: { defaultOrder: string },
): CompiledFilter {
  const request = readFilterParams(query);
  const resolver = new AttributeResolver(schema);

  const conditions: Fragment[] = [];
  for (const [name, values] of request.conditions) {
    const condition = compileCondition(name, values, resolver);
    if (condition) conditions.push(condition);
  }
  const where = joinFragments(conditions, request.combinator);

  const sorts: string[] = [];
  for (const sort of request.sorts) {
    const term = compileSort(sort, resolver);
    if (term !== undefined) sorts.push(term);
  }
  const defaultOrder = options.defaultOrder.trim();
  // The default order still follows requested sorts so ties come back in a stable order.
  const orderBy = [...sorts, ...(defaultOrder === '' ? [] : [defaultOrder])].join(', ');

  return {
    where: conditions.length === 0 ? '1=1' : where.sql,
    params: where.params,
    orderBy,
    sorted: sorts.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the query string

interface FilterRequest {
  /** Condition name (`code_eq`) → its raw values, in query order. */
  conditions: Map<string, string[]>;
  combinator: 'AND' | 'OR';
  sorts: string[];
}

const SORT_KEYS: ReadonlySet<string> = new Set(['sorts', 's']);

function readFilterParams(query: URLSearchParams): FilterRequest {
  const conditions = new Map<string, string[]>();
  const sorts: string[] = [];
  let combinator: 'AND' | 'OR' = 'AND';
  for (const [key, value] of query) {
    const name = filterName(key);
    if (name === undefined) continue;
    if (name === 'm') {
      combinator = value.trim().toLowerCase() === 'or' ? 'OR' : 'AND';
    } else if (SORT_KEYS.has(name)) {
      sorts.push(value);
    } else {
      const values = conditions.get(name);
      if (values) values.push(value);
      else conditions.set(name, [value]);
    }
  }
  return { conditions, combinator, sorts };
}

/**
 * `filter[code_in]`, `filter[code_in][]` and `filter[code_in][0]` all name `code_in`: clients send arrays with
 * empty brackets (Rails style) or indices (qs style), and repeated plain keys work too.
 */
function filterName(key: string): string | undefined {
  const prefix = 'filter[';
  if (!key.startsWith(prefix)) return undefined;
  const close = key.indexOf(']', prefix.length);
  if (close < 0) return undefined;
  const suffix = key.slice(close + 1);
  if (suffix !== '' && suffix !== '[]' && !/^\[\d+\]$/.test(suffix)) return undefined;
  return key.slice(prefix.length, close);
}

// ---------------------------------------------------------------------------------------------------------
// Attributes

type ScalarType = Exclude<FieldType, 'json'>;

/** What a condition compares: a typed column, or one value inside a JSON column. */
type Operand =
  | { kind: 'column'; sql: string; type: ScalarType }
  | { kind: 'json'; column: string; path: string; keys: readonly string[] };

interface Targets {
  operands: Operand[];
  /** How `name_or_code_cont` combines its attributes. */
  combinator: 'AND' | 'OR';
}

class AttributeResolver {
  private readonly fields: ReadonlyMap<string, FilterField>;
  /** JSON attributes, longest name first, so `metadata_extra_x` prefers `metadata_extra` over `metadata`. */
  private readonly jsonAttributes: readonly (readonly [string, FilterField])[];

  constructor(schema: FilterSchema) {
    // A Map rather than `schema[name]`: a plain object would answer `constructor` or `__proto__` from its prototype.
    this.fields = new Map(Object.entries(schema));
    this.jsonAttributes = [...this.fields]
      .filter(([, field]) => field.type === 'json')
      .sort(([a], [b]) => b.length - a.length);
  }

  /** An attribute name as it appears before the predicate: exact, JSON-nested, or joined by `_or_`/`_and_`. */
  resolveTargets(name: string): Targets | undefined {
    const single = this.resolve(name);
    if (single) return { operands: [single], combinator: 'OR' };
    return this.resolveCompound(name);
  }

  resolve(name: string): Operand | undefined {
    const field = this.fields.get(name);
    if (field) {
      // A JSON attribute without a key compares the whole document as text.
      return { kind: 'column', sql: field.sql, type: field.type === 'json' ? 'string' : field.type };
    }
    for (const [attribute, jsonField] of this.jsonAttributes) {
      if (name.length > attribute.length + 1 && name.startsWith(`${attribute}_`)) {
        // OpsChain joins nested keys with a comma: metadata_nested,key → $."nested"."key".
        const keys = name.slice(attribute.length + 1).split(',');
        return { kind: 'json', column: jsonField.sql, path: jsonPath(keys), keys };
      }
    }
    return undefined;
  }

  private resolveCompound(name: string): Targets | undefined {
    const or = name.indexOf('_or_');
    const and = name.indexOf('_and_');
    if (or < 0 && and < 0) return undefined;
    // As in ransack, the first connective found decides how the parts combine.
    const combinator = and < 0 || (or >= 0 && or < and) ? 'OR' : 'AND';
    const operands: Operand[] = [];
    for (const part of name.split(/_or_|_and_/)) {
      const operand = this.resolve(part);
      if (!operand) return undefined;
      operands.push(operand);
    }
    return { operands, combinator };
  }
}

/** Double-quoted JSON path labels, so keys may hold `.`, `[` or `$`; `"` and `\` are backslash-escaped. */
function jsonPath(keys: readonly string[]): string {
  return '$' + keys.map((key) => `."${key.replace(/["\\]/g, '\\$&')}"`).join('');
}

// ---------------------------------------------------------------------------------------------------------
// Predicates

type ComparisonOp = 'eq' | 'not_eq' | 'lt' | 'lteq' | 'gt' | 'gteq';
type MatchOp =
  | 'cont'
  | 'not_cont'
  | 'i_cont'
  | 'not_i_cont'
  | 'start'
  | 'not_start'
  | 'end'
  | 'not_end'
  | 'matches'
  | 'does_not_match';
type SwitchOp = 'null' | 'not_null' | 'present' | 'blank' | 'true' | 'not_true' | 'false' | 'not_false';

type Predicate =
  | { kind: 'compare'; op: ComparisonOp; quantifier: Quantifier }
  | { kind: 'match'; op: MatchOp; quantifier: Quantifier }
  | { kind: 'list'; negated: boolean; quantifier: Quantifier }
  | { kind: 'switch'; op: SwitchOp };

/** `one` takes a single value; `_any` ORs the values and `_all` ANDs them. */
type Quantifier = 'one' | 'any' | 'all';

const COMPARISON_OPS: readonly ComparisonOp[] = ['eq', 'not_eq', 'lt', 'lteq', 'gt', 'gteq'];
const MATCH_OPS: readonly MatchOp[] = [
  'cont',
  'not_cont',
  'i_cont',
  'not_i_cont',
  'start',
  'not_start',
  'end',
  'not_end',
  'matches',
  'does_not_match',
];
const SWITCH_OPS: readonly SwitchOp[] = [
  'null',
  'not_null',
  'present',
  'blank',
  'true',
  'not_true',
  'false',
  'not_false',
];

/** Every predicate as its `_name` suffix, longest first: a condition's predicate is its longest matching suffix. */
const PREDICATES: readonly { suffix: string; predicate: Predicate }[] = buildPredicates();

function buildPredicates(): { suffix: string; predicate: Predicate }[] {
  const entries: (readonly [string, Predicate])[] = [];
  const quantified: readonly (readonly [string, Quantifier])[] = [
    ['', 'one'],
    ['_any', 'any'],
    ['_all', 'all'],
  ];
  for (const [suffix, quantifier] of quantified) {
    // Ransack derives `_any`/`_all` from `in` and `not_in` too: `in_any` ORs `IN (value)` over the values.
    entries.push(['in' + suffix, { kind: 'list', negated: false, quantifier }]);
    entries.push(['not_in' + suffix, { kind: 'list', negated: true, quantifier }]);
    for (const op of COMPARISON_OPS) entries.push([op + suffix, { kind: 'compare', op, quantifier }]);
    for (const op of MATCH_OPS) entries.push([op + suffix, { kind: 'match', op, quantifier }]);
  }
  for (const op of SWITCH_OPS) entries.push([op, { kind: 'switch', op }]);
  return entries
    .map(([name, predicate]) => ({ suffix: `_${name}`, predicate }))
    .sort((a, b) => b.suffix.length - a.suffix.length);
}

/** A piece of SQL with the parameters of its `?` placeholders, in order. */
interface Fragment {
  sql: string;
  params: unknown[];
}

const MATCH_NOTHING: Fragment = { sql: '0 = 1', params: [] };

function compileCondition(
  name: string,
  rawValues: readonly string[],
  resolver: AttributeResolver,
): Fragment | undefined {
  // Try each predicate suffix, longest first, and take the first whose remaining prefix names attributes:
  // `metadata_x_not_eq` is key `x` with `not_eq`, never key `x_not` with `eq`.
  for (const { suffix, predicate } of PREDICATES) {
    if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
    const targets = resolver.resolveTargets(name.slice(0, name.length - suffix.length));
    if (!targets) continue;
    return buildCondition(targets, predicate, rawValues);
  }
  return undefined;
}

function buildCondition(
  targets: Targets,
  predicate: Predicate,
  rawValues: readonly string[],
): Fragment | undefined {
  const values = rawValues.map((value) => value.trim()).filter((value) => value !== '');
  const last = values[values.length - 1];
  if (last === undefined) return undefined;

  let perOperand: (operand: Operand) => Fragment;
  switch (predicate.kind) {
    case 'switch': {
      const on = parseBoolean(last);
      if (on === undefined) return undefined;
      perOperand = (operand) => switchCondition(operand, predicate.op, on);
      break;
    }
    case 'list': {
      const { negated, quantifier } = predicate;
      const connective = quantifier === 'all' ? 'AND' : 'OR';
      perOperand = (operand) =>
        quantifier === 'one'
          ? listCondition(operand, negated, values)
          : joinFragments(
              values.map((value) => listCondition(operand, negated, [value])),
              connective,
            );
      break;
    }
    case 'compare':
    case 'match': {
      // A plain predicate given several values (repeated keys) uses the last one, like Rails' param parser.
      const used = predicate.quantifier === 'one' ? [last] : values;
      const connective = predicate.quantifier === 'all' ? 'AND' : 'OR';
      perOperand = (operand) =>
        joinFragments(
          used.map((value) =>
            predicate.kind === 'match'
              ? matchCondition(operand, predicate.op, value)
              : compareCondition(operand, predicate.op, value),
          ),
          connective,
        );
      break;
    }
  }
  return joinFragments(targets.operands.map(perOperand), targets.combinator);
}

function joinFragments(fragments: readonly Fragment[], connective: 'AND' | 'OR'): Fragment {
  const only = fragments[0];
  if (fragments.length === 1 && only) return only;
  return {
    sql: fragments.map((fragment) => `(${fragment.sql})`).join(` ${connective} `),
    params: fragments.flatMap((fragment) => fragment.params),
  };
}

// ---------------------------------------------------------------------------------------------------------
// SQL for each predicate family

const COMPARISON_SQL: Readonly<Record<ComparisonOp, string>> = {
  eq: '=',
  not_eq: '<>',
  lt: '<',
  lteq: '<=',
  gt: '>',
  gteq: '>=',
};

function compareCondition(operand: Operand, op: ComparisonOp, raw: string): Fragment {
  const sqlOp = COMPARISON_SQL[op];
  if (operand.kind === 'json' && op !== 'eq' && op !== 'not_eq') {
    // Ordering a JSON value against a number compares JSON numbers numerically (text would put '10' < '9');
    // JSON strings, booleans and objects then match nothing. Non-numeric values compare as text.
    const number = parseNumber(raw);
    if (number !== undefined) {
      const numeric = jsonNumber(operand);
      return { sql: `${numeric.sql} ${sqlOp} ?`, params: [...numeric.params, number] };
    }
  }
  const value = convertValue(operand, raw);
  if (value === INVALID) return MATCH_NOTHING;
  const expression = operandText(operand);
  return { sql: `${expression.sql} ${sqlOp} ?`, params: [...expression.params, value] };
}

function listCondition(operand: Operand, negated: boolean, raws: readonly string[]): Fragment {
  const values: unknown[] = [];
  for (const raw of raws) {
    const value = convertValue(operand, raw);
    if (value === INVALID) return MATCH_NOTHING;
    values.push(value);
  }
  const expression = operandText(operand);
  const placeholders = values.map(() => '?').join(', ');
  return {
    sql: `${expression.sql} ${negated ? 'NOT IN' : 'IN'} (${placeholders})`,
    params: [...expression.params, ...values],
  };
}

/**
 * LIKE with the value's `%`, `_` and `\` escaped, so `cont=50%` means the literal text. SQLite's LIKE ignores
 * ASCII case, which matches PostgreSQL's ILIKE that ransack emits for these predicates. `matches` passes the
 * caller's own pattern through, wildcards included.
 */
function matchCondition(operand: Operand, op: MatchOp, raw: string): Fragment {
  const negated = op.startsWith('not_') || op === 'does_not_match';
  const escaped = escapeLike(raw);
  let pattern: string;
  switch (op) {
    case 'cont':
    case 'not_cont':
    case 'i_cont':
    case 'not_i_cont':
      pattern = `%${escaped}%`;
      break;
    case 'start':
    case 'not_start':
      pattern = `${escaped}%`;
      break;
    case 'end':
    case 'not_end':
      pattern = `%${escaped}`;
      break;
    case 'matches':
    case 'does_not_match':
      pattern = raw;
      break;
  }
  const expression = operandText(operand);
  return {
    sql: `${expression.sql} ${negated ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\'`,
    params: [...expression.params, pattern],
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/** Ransack's switch predicates, where the value turns the test on (1) or inverts it (0). */
function switchCondition(operand: Operand, op: SwitchOp, on: boolean): Fragment {
  const expression = operandText(operand);
  const twice = [...expression.params, ...expression.params];
  const x = expression.sql;
  // JSON booleans read back as the text 'true'/'false' (as PostgreSQL's ->> gives them); columns hold 1/0.
  const trueSql = operand.kind === 'json' ? `'true'` : '1';
  const falseSql = operand.kind === 'json' ? `'false'` : '0';
  const isNull: Fragment = { sql: `${x} IS NULL`, params: expression.params };
  const notNull: Fragment = { sql: `${x} IS NOT NULL`, params: expression.params };
  const present: Fragment = { sql: `${x} IS NOT NULL AND ${x} <> ''`, params: twice };
  const blank: Fragment = { sql: `${x} IS NULL OR ${x} = ''`, params: twice };
  const isTrue: Fragment = { sql: `${x} = ${trueSql}`, params: expression.params };
  const notTrue: Fragment = { sql: `${x} <> ${trueSql}`, params: expression.params };
  const isFalse: Fragment = { sql: `${x} = ${falseSql}`, params: expression.params };
  const notFalse: Fragment = { sql: `${x} <> ${falseSql}`, params: expression.params };
  // As in ransack, `_true=0` means "<> true", not "= false"; NULLs match neither `_true=1` nor `_true=0`.
  switch (op) {
    case 'null':
      return on ? isNull : notNull;
    case 'not_null':
      return on ? notNull : isNull;
    case 'present':
      return on ? present : blank;
    case 'blank':
      return on ? blank : present;
    case 'true':
      return on ? isTrue : notTrue;
    case 'not_true':
      return on ? notTrue : isTrue;
    case 'false':
      return on ? isFalse : notFalse;
    case 'not_false':
      return on ? notFalse : isFalse;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Operand expressions

/** Wraps non-trivial schema SQL in parentheses so operators in it cannot bind to our comparison. */
function grouped(sql: string): string {
  return /^[A-Za-z_][\w.]*$/.test(sql) ? sql : `(${sql})`;
}

/**
 * The operand as SQL. A JSON value reads like PostgreSQL's `->>`: strings unquoted, JSON null as NULL,
 * everything else as its JSON text (`true`, `5`, `{"a":1}`), so `metadata_enabled_eq=true` and
 * `metadata_count_eq=5` work. Malformed JSON reads as NULL rather than failing the whole query.
 */
function operandText(operand: Operand): Fragment {
  if (operand.kind === 'column') return { sql: grouped(operand.sql), params: [] };
  const column = grouped(operand.column);
  return {
    sql:
      `(CASE WHEN coalesce(json_valid(${column}), 0) = 0 THEN NULL` +
      ` WHEN json_type(${column}, ?) IN ('text', 'null') THEN json_extract(${column}, ?)` +
      ` ELSE ${column} -> ? END)`,
    params: [operand.path, operand.path, operand.path],
  };
}

/** The JSON value when it is a JSON number, else NULL. */
function jsonNumber(operand: Extract<Operand, { kind: 'json' }>): Fragment {
  const column = grouped(operand.column);
  return {
    sql:
      `(CASE WHEN coalesce(json_valid(${column}), 0) = 0 THEN NULL` +
      ` WHEN json_type(${column}, ?) IN ('integer', 'real') THEN json_extract(${column}, ?) END)`,
    params: [operand.path, operand.path],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Values

const INVALID: unique symbol = Symbol('invalid filter value');

function convertValue(operand: Operand, raw: string): string | number | typeof INVALID {
  if (operand.kind === 'json') return raw;
  switch (operand.type) {
    case 'string':
      return raw;
    case 'number':
      return parseNumber(raw) ?? INVALID;
    case 'boolean': {
      const value = parseBoolean(raw);
      return value === undefined ? INVALID : value ? 1 : 0;
    }
    case 'datetime':
      return normaliseTimestamp(raw) ?? INVALID;
  }
}

// One optional sign, digits with an optional fraction, an optional exponent: no nested quantifiers, so
// matching is linear in the value's length.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(raw: string): number | undefined {
  if (!NUMBER.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

// Ransack's TRUE_VALUES / FALSE_VALUES, read case-insensitively.
const TRUE_WORDS: ReadonlySet<string> = new Set(['1', 't', 'true']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['0', 'f', 'false']);

function parseBoolean(raw: string): boolean | undefined {
  const word = raw.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

// date, optional time (minutes, seconds, fraction), optional zone: Z, ±HH, ±HHMM, ±HH:MM. A space may stand
// for the `+` of an offset because an unencoded `+` in a query string decodes to a space.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+\- ])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * Stored timestamps are UTC text with exactly six fractional digits (`2025-04-25T06:21:23.984222Z`), so text
 * order is time order only between values of that shape. Each filter value is therefore rewritten to it:
 * a missing time is midnight, a missing zone is UTC (as Rails' `Time.zone.parse` with the UTC zone), offsets
 * are applied, and the fraction is padded or cut to microseconds (PostgreSQL's precision). So
 * `created_at_gt=2025-04-25T06:21:23Z` excludes `…23.000000Z`, which the raw text `…23Z` would not.
 * Anything else, including impossible dates such as 2025-02-30, is not a timestamp.
 */
function normaliseTimestamp(raw: string): string | undefined {
  const match = TIMESTAMP.exec(raw);
  if (!match) return undefined;
  const group = (index: number): number => Number(match[index] ?? '0');
  const [year, month, day, hour, minute, second] = [
    group(1),
    group(2),
    group(3),
    group(4),
    group(5),
    group(6),
  ];
  const [offsetHours, offsetMinutes] = [group(10), group(11)];
  const fraction = match[7] ?? '';
  const zulu = match[8];
  const sign = match[9];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return undefined; // rolled over: no such day in that month
  date.setUTCHours(hour, minute, second, 0);
  if (zulu === undefined && sign !== undefined) {
    const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
    date.setTime(date.getTime() + (sign === '-' ? offsetMs : -offsetMs));
  }
  const utcYear = date.getUTCFullYear();
  if (utcYear < 0 || utcYear > 9999) return undefined;
  return `${date.toISOString().slice(0, 19)}.${fraction.slice(0, 6).padEnd(6, '0')}Z`;
}

// ---------------------------------------------------------------------------------------------------------
// Sorting

// Nested JSON sort keys are inlined into ORDER BY (see the module comment), so they are limited to
// characters that cannot end a SQL string or a JSON path label.
const SAFE_SORT_KEY = /^[A-Za-z0-9_.-]+$/;

/** `code desc` → `n.code DESC NULLS FIRST`; undefined for attributes the schema does not have. */
function compileSort(raw: string, resolver: AttributeResolver): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const space = text.search(/\s/);
  const name = space < 0 ? text : text.slice(0, space);
  // Ransack: the direction is `asc` or `desc` in any case; anything else sorts ascending.
  const descending = space >= 0 && text.slice(space).trim().toLowerCase() === 'desc';
  const operand = resolver.resolve(name);
  if (!operand) return undefined;

  let expression: string;
  if (operand.kind === 'column') {
    expression = grouped(operand.sql);
  } else {
    if (!operand.keys.every((key) => SAFE_SORT_KEY.test(key))) return undefined;
    const column = grouped(operand.column);
    expression = `(CASE WHEN coalesce(json_valid(${column}), 0) = 0 THEN NULL ELSE json_extract(${column}, '${operand.path}') END)`;
  }
  // PostgreSQL puts NULLs last ascending and first descending; SQLite does the opposite.
  return descending ? `${expression} DESC NULLS FIRST` : `${expression} ASC NULLS LAST`;
}
