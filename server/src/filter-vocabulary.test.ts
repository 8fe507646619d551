import { describe, expect, it } from 'vitest';
import {
  COMBINATOR_PARAM,
  FILTER_ATTRIBUTES,
  GROUP_FILTER_ATTRIBUTES,
  GROUP_SORT_ATTRIBUTES,
  JSON_FILTER_ATTRIBUTES,
  jsonFilterAttribute,
  RANSACK_PREDICATES,
  SCHEDULED_ACTIVITY_FILTER_ATTRIBUTES,
  SCHEDULED_ACTIVITY_SORT_ATTRIBUTES,
  SORT_ATTRIBUTES,
  SORTS_PARAM,
  USER_FILTER_ATTRIBUTES,
  USER_SORT_ATTRIBUTES,
  WORKFLOW_FILTER_ATTRIBUTES,
  WORKFLOW_RUN_FILTER_ATTRIBUTES,
  WORKFLOW_RUN_JSON_FILTER_ATTRIBUTES,
  WORKFLOW_RUN_SORT_ATTRIBUTES,
  WORKFLOW_SORT_ATTRIBUTES,
  type FilterableCollection,
  type NameOrCodeFilterKey,
  type NameOrUrlFilterKey,
} from '@contract/filters.ts';
import { compileFilter, type FilterSchema } from './filter.ts';
import { CHANGE_FILTERS } from './routes/changes.ts';
import { EVENT_FILTERS } from './routes/events.ts';
import { REMOTE_FILTERS } from './routes/git-remotes.ts';
import { logLineFilters } from './routes/log-lines.ts';
import { NODE_FILTERS } from './routes/nodes.ts';
import { SCHEDULE_FILTERS } from './routes/scheduled-activities.ts';
import { GROUP_FILTERS, USER_FILTERS } from './routes/system.ts';
import { TEMPLATE_FILTERS } from './routes/templates.ts';
import { RUN_FILTERS } from './routes/workflow-runs.ts';
import { WORKFLOW_FILTERS } from './routes/workflows.ts';

// The console types its filter keys and sorts from contract/filters.ts; the emulator's routes declare what
// they filter by in their own schemas. These tests hold the two together: everything the console may send
// must mean something to the emulator (which, like ransack, silently ignores anything it does not know).

/** The schema each collection's route compiles its `filter[…]` parameters with. */
const EMULATOR_SCHEMAS: Record<FilterableCollection, FilterSchema> = {
  projects: NODE_FILTERS,
  environments: NODE_FILTERS,
  assets: NODE_FILTERS,
  changes: CHANGE_FILTERS,
  events: EVENT_FILTERS,
  git_remotes: REMOTE_FILTERS,
  templates: TEMPLATE_FILTERS,
  log_lines: logLineFilters('l.message'),
};

interface Vocabulary {
  schema: FilterSchema;
  filters: readonly string[];
  sorts: readonly string[];
  json: readonly string[];
}

const JSON_ATTRIBUTES: Partial<Record<string, readonly string[]>> = JSON_FILTER_ATTRIBUTES;

function isCollection(name: string): name is FilterableCollection {
  return name in FILTER_ATTRIBUTES;
}

const VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
  ...Object.fromEntries(
    Object.keys(FILTER_ATTRIBUTES)
      .filter(isCollection)
      .map((collection) => [
        collection,
        {
          schema: EMULATOR_SCHEMAS[collection],
          filters: FILTER_ATTRIBUTES[collection],
          sorts: SORT_ATTRIBUTES[collection],
          json: JSON_ATTRIBUTES[collection] ?? [],
        },
      ]),
  ),
  workflows: {
    schema: WORKFLOW_FILTERS,
    filters: WORKFLOW_FILTER_ATTRIBUTES,
    sorts: WORKFLOW_SORT_ATTRIBUTES,
    json: [],
  },
  workflow_runs: {
    schema: RUN_FILTERS,
    filters: WORKFLOW_RUN_FILTER_ATTRIBUTES,
    sorts: WORKFLOW_RUN_SORT_ATTRIBUTES,
    json: WORKFLOW_RUN_JSON_FILTER_ATTRIBUTES,
  },
  scheduled_activities: {
    schema: SCHEDULE_FILTERS,
    filters: SCHEDULED_ACTIVITY_FILTER_ATTRIBUTES,
    sorts: SCHEDULED_ACTIVITY_SORT_ATTRIBUTES,
    json: [],
  },
  users: { schema: USER_FILTERS, filters: USER_FILTER_ATTRIBUTES, sorts: USER_SORT_ATTRIBUTES, json: [] },
  groups: { schema: GROUP_FILTERS, filters: GROUP_FILTER_ATTRIBUTES, sorts: GROUP_SORT_ATTRIBUTES, json: [] },
};

/**
 * Vocabulary attributes the emulator reads from a JSON column rather than its own schema entry. Event payload
 * keys are open-ended (domain §11): the events route retries an unknown attribute on `payload`, so
 * `filter[parent_code_eq]` reads `payload.parent_code` (end to end in routes/events.test.ts).
 */
const PAYLOAD_KEYS: Partial<Record<string, { column: string; keys: readonly string[] }>> = {
  events: { column: 'payload', keys: ['parent_code'] },
};

function compile(entries: [string, string][], schema: FilterSchema) {
  return compileFilter(new URLSearchParams(entries), schema, { defaultOrder: '' });
}

/** True when `filter[<attribute>_null]=1` becomes a condition rather than being ignored. */
function filtersBy(schema: FilterSchema, attribute: string): boolean {
  return compile([[`filter[${attribute}_null]`, '1']], schema).where !== '1=1';
}

/** True when `filter[sorts]=<attribute> desc` orders the list rather than being ignored. */
function sortsBy(schema: FilterSchema, attribute: string): boolean {
  return compile([[`filter[${SORTS_PARAM}]`, `${attribute} desc`]], schema).sorted;
}

describe.each(Object.entries(VOCABULARIES))('the %s vocabulary', (collection, vocabulary) => {
  const { schema } = vocabulary;
  const payload = PAYLOAD_KEYS[collection];

  it('names only attributes the emulator filters by', () => {
    const columns = vocabulary.filters.filter((attribute) => !payload?.keys.includes(attribute));
    expect(columns.filter((attribute) => !filtersBy(schema, attribute))).toEqual([]);
  });

  it('sorts only by attributes the emulator sorts by', () => {
    expect(vocabulary.sorts.filter((attribute) => !sortsBy(schema, attribute))).toEqual([]);
  });

  if (vocabulary.json.length > 0) {
    it('names JSON attributes the emulator keys into', () => {
      for (const attribute of vocabulary.json) {
        expect(schema[attribute]?.type, attribute).toBe('json');
        const key = `${jsonFilterAttribute(attribute, ['nested', 'key'])}_eq`;
        const compiled = compile([[`filter[${key}]`, 'v']], schema);
        expect(compiled.params, key).toContain('$."nested"."key"');
      }
    });
  }

  if (payload) {
    it('reads its payload keys from a JSON column', () => {
      expect(schema[payload.column]?.type).toBe('json');
      for (const key of payload.keys) expect(filtersBy(schema, `${payload.column}_${key}`), key).toBe(true);
    });
  }
});

describe('the text filters the console sends', () => {
  it('match name or code, or name or URL, in the emulator', () => {
    const nameOrCode: NameOrCodeFilterKey = 'name_or_code_cont';
    const nameOrUrl: NameOrUrlFilterKey = 'name_or_url_cont';
    for (const [key, schema] of [
      [nameOrCode, NODE_FILTERS],
      [nameOrCode, TEMPLATE_FILTERS],
      [nameOrUrl, REMOTE_FILTERS],
    ] as const) {
      const compiled = compile([[`filter[${key}]`, 'soa']], schema);
      expect(compiled.params, key).toHaveLength(2);
    }
  });

  it('combine by AND, or by OR when the combinator parameter says so', () => {
    const entries: [string, string][] = [
      ['filter[code_eq]', 'a'],
      ['filter[name_eq]', 'b'],
    ];
    expect(compile(entries, NODE_FILTERS).where).toContain(' AND ');
    expect(compile([...entries, [`filter[${COMBINATOR_PARAM}]`, 'or']], NODE_FILTERS).where).toContain(
      ' OR ',
    );
  });
});

describe('the ransack predicates the console may type', () => {
  it('are all understood by the emulator', () => {
    const schema: FilterSchema = { code: { sql: 'code', type: 'string' } };
    const ignored = RANSACK_PREDICATES.filter(
      (predicate) => compile([[`filter[code_${predicate}]`, '1']], schema).where === '1=1',
    );
    expect(ignored).toEqual([]);
  });
});
