// Ransack filter vocabulary (domain §12): list endpoints take `filter[<attribute>_<predicate>]`,
// `filter[m]=or` and `filter[sorts]`. The console builds typed keys from these lists;
// server/src/filter-vocabulary.test.ts checks that the emulator's routes filter and sort by all of them.

// Predicates that compare against a value. Each also has `_any` and `_all` forms taking several
// values (`filter[code_eq_any][]=a&filter[code_eq_any][]=b`). Ransack 3.2.1's set.
export const VALUE_PREDICATES = [
  'eq',
  'not_eq',
  'lt',
  'lteq',
  'gt',
  'gteq',
  'in',
  'not_in',
  'matches',
  'does_not_match',
  'start',
  'not_start',
  'end',
  'not_end',
  'cont',
  'not_cont',
  'i_cont',
  'not_i_cont',
] as const;
export type ValuePredicate = (typeof VALUE_PREDICATES)[number];

export type CompoundPredicate = `${ValuePredicate}_${'any' | 'all'}`;
export const COMPOUND_PREDICATES: readonly CompoundPredicate[] = VALUE_PREDICATES.flatMap(
  (predicate) => [`${predicate}_any`, `${predicate}_all`] as const,
);

// Predicates whose value is a flag rather than an operand: `filter[finished_at_null]=1`.
export const FLAG_PREDICATES = [
  'true',
  'not_true',
  'false',
  'not_false',
  'present',
  'blank',
  'null',
  'not_null',
] as const;
export type FlagPredicate = (typeof FLAG_PREDICATES)[number];

export type RansackPredicate = ValuePredicate | CompoundPredicate | FlagPredicate;
export const RANSACK_PREDICATES: readonly RansackPredicate[] = [
  ...VALUE_PREDICATES,
  ...COMPOUND_PREDICATES,
  ...FLAG_PREDICATES,
];

/** A filter key such as `status_code_eq` for one of a resource's attributes. */
export type FilterKey<A extends string> = `${A}_${RansackPredicate}`;

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** A `filter[sorts]` value: `created_at desc`, or the bare attribute for ascending. */
export type SortSpec<A extends string> = A | `${A} ${SortDirection}`;

// `filter[m]=or` switches from AND to OR; `filter[sorts]` (or `filter[sorts][]`) orders.
export const COMBINATOR_PARAM = 'm';
export const SORTS_PARAM = 'sorts';

/**
 * Keys into a JSON attribute: `metadata` + [`approver`] → `metadata_approver`; nested keys are
 * joined by a comma, `metadata` + [`nested`, `key`] → `metadata_nested,key`.
 */
export function jsonFilterAttribute(attribute: string, path: readonly string[]): string {
  return path.length === 0 ? attribute : `${attribute}_${path.join(',')}`;
}

// Filterable and sortable attributes per collection: `id` plus the attribute names the API
// shows (ransack filters on columns), and the joined parent fields the sources use
// (`environment_code_eq` on changes, `parent_<attr>` since 2023-08-02). Sorting uses a
// resource's own columns. JSON attributes filter by key (see jsonFilterAttribute).

export const PROJECT_FILTER_ATTRIBUTES = [
  'id',
  'code',
  'name',
  'description',
  'archived',
  'project_type',
] as const;
export const PROJECT_SORT_ATTRIBUTES = PROJECT_FILTER_ATTRIBUTES;

const nodeColumns = ['id', 'code', 'name', 'description', 'archived'] as const;
export const ENVIRONMENT_FILTER_ATTRIBUTES = [...nodeColumns, 'parent_code', 'parent_name'] as const;
export const ENVIRONMENT_SORT_ATTRIBUTES = nodeColumns;
export const ASSET_FILTER_ATTRIBUTES = [...nodeColumns, 'parent_code', 'parent_name'] as const;
export const ASSET_SORT_ATTRIBUTES = nodeColumns;

const changeColumns = [
  'id',
  'action',
  'name',
  'status_code',
  'created_by',
  'scheduled',
  'git_remote_name',
  'git_rev',
  'commit_sha',
  'requires_approval_from',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;
export const CHANGE_FILTER_ATTRIBUTES = [
  ...changeColumns,
  'project_code',
  'project_name',
  'environment_code',
  'environment_name',
  'asset_code',
  'asset_name',
  'parent_code',
  'parent_name',
  // The target's OpsChain path (`/projects/bank/environments/dev`): the activity list's "target starts with"
  // filter, `filter[parent_path_start]=/projects/bank`. Not in the documented examples; ransack takes it
  // like the other parent fields.
  'parent_path',
] as const;
export const CHANGE_SORT_ATTRIBUTES = changeColumns;
// `filter[metadata_change_request_eq]=CR921`.
export const CHANGE_JSON_FILTER_ATTRIBUTES = ['metadata'] as const;

// Events are answered oldest first within the most recent `limit`; page back with
// `created_at_lt`. Payload keys are filtered through the JSON attributes below
// (`request_body_action_eq`, `url_params_project_code_eq`).
export const EVENT_FILTER_ATTRIBUTES = [
  'id',
  'type',
  'system',
  'username',
  'created_at',
  'parent_code',
] as const;
export const EVENT_SORT_ATTRIBUTES = ['id', 'type', 'system', 'username', 'created_at'] as const;
export const EVENT_JSON_FILTER_ATTRIBUTES = ['request_body', 'url_params'] as const;

export const GIT_REMOTE_FILTER_ATTRIBUTES = [
  'id',
  'name',
  'url',
  'archived',
  'disabled',
  'created_at',
  'updated_at',
] as const;
export const GIT_REMOTE_SORT_ATTRIBUTES = GIT_REMOTE_FILTER_ATTRIBUTES;

export const TEMPLATE_FILTER_ATTRIBUTES = [
  'id',
  'code',
  'name',
  'description',
  'url',
  'archived',
  'disabled',
  'created_at',
  'updated_at',
] as const;
export const TEMPLATE_SORT_ATTRIBUTES = TEMPLATE_FILTER_ATTRIBUTES;

// Log tailing polls `logged_at_gteq` sorted `logged_at asc`.
export const LOG_LINE_FILTER_ATTRIBUTES = ['id', 'change_id', 'step_id', 'message', 'logged_at'] as const;
export const LOG_LINE_SORT_ATTRIBUTES = ['id', 'logged_at'] as const;

// One value matched against two attributes (ransack's `_or_` attributes): the console's text filters,
// `filter[name_or_code_cont]=soa`. Unlike `filter[m]=or`, they combine with the other filters by AND.
export type NameOrCodeFilterKey = 'name_or_code_cont';
export type NameOrUrlFilterKey = 'name_or_url_cont';

export type ProjectFilterKey = FilterKey<(typeof PROJECT_FILTER_ATTRIBUTES)[number]> | NameOrCodeFilterKey;
export type EnvironmentFilterKey =
  FilterKey<(typeof ENVIRONMENT_FILTER_ATTRIBUTES)[number]> | NameOrCodeFilterKey;
export type AssetFilterKey = FilterKey<(typeof ASSET_FILTER_ATTRIBUTES)[number]> | NameOrCodeFilterKey;
export type ChangeFilterKey = FilterKey<(typeof CHANGE_FILTER_ATTRIBUTES)[number]>;
export type EventFilterKey = FilterKey<(typeof EVENT_FILTER_ATTRIBUTES)[number]>;
export type GitRemoteFilterKey =
  FilterKey<(typeof GIT_REMOTE_FILTER_ATTRIBUTES)[number]> | NameOrUrlFilterKey;
export type TemplateFilterKey = FilterKey<(typeof TEMPLATE_FILTER_ATTRIBUTES)[number]> | NameOrCodeFilterKey;
export type LogLineFilterKey = FilterKey<(typeof LOG_LINE_FILTER_ATTRIBUTES)[number]>;

export type ProjectSort = SortSpec<(typeof PROJECT_SORT_ATTRIBUTES)[number]>;
export type EnvironmentSort = SortSpec<(typeof ENVIRONMENT_SORT_ATTRIBUTES)[number]>;
export type AssetSort = SortSpec<(typeof ASSET_SORT_ATTRIBUTES)[number]>;
export type ChangeSort = SortSpec<(typeof CHANGE_SORT_ATTRIBUTES)[number]>;
export type EventSort = SortSpec<(typeof EVENT_SORT_ATTRIBUTES)[number]>;
export type GitRemoteSort = SortSpec<(typeof GIT_REMOTE_SORT_ATTRIBUTES)[number]>;
export type TemplateSort = SortSpec<(typeof TEMPLATE_SORT_ATTRIBUTES)[number]>;
export type LogLineSort = SortSpec<(typeof LOG_LINE_SORT_ATTRIBUTES)[number]>;

// By collection name, so server/src/filter-vocabulary.test.ts can pair each with its emulator route's schema.
export const FILTER_ATTRIBUTES = {
  projects: PROJECT_FILTER_ATTRIBUTES,
  environments: ENVIRONMENT_FILTER_ATTRIBUTES,
  assets: ASSET_FILTER_ATTRIBUTES,
  changes: CHANGE_FILTER_ATTRIBUTES,
  events: EVENT_FILTER_ATTRIBUTES,
  git_remotes: GIT_REMOTE_FILTER_ATTRIBUTES,
  templates: TEMPLATE_FILTER_ATTRIBUTES,
  log_lines: LOG_LINE_FILTER_ATTRIBUTES,
} as const;
export type FilterableCollection = keyof typeof FILTER_ATTRIBUTES;

export const SORT_ATTRIBUTES = {
  projects: PROJECT_SORT_ATTRIBUTES,
  environments: ENVIRONMENT_SORT_ATTRIBUTES,
  assets: ASSET_SORT_ATTRIBUTES,
  changes: CHANGE_SORT_ATTRIBUTES,
  events: EVENT_SORT_ATTRIBUTES,
  git_remotes: GIT_REMOTE_SORT_ATTRIBUTES,
  templates: TEMPLATE_SORT_ATTRIBUTES,
  log_lines: LOG_LINE_SORT_ATTRIBUTES,
} as const satisfies Record<FilterableCollection, readonly string[]>;

export const JSON_FILTER_ATTRIBUTES = {
  changes: CHANGE_JSON_FILTER_ATTRIBUTES,
  events: EVENT_JSON_FILTER_ATTRIBUTES,
} as const satisfies Partial<Record<FilterableCollection, readonly string[]>>;

// Workflows (`/api/projects/{p}/workflows`), users and groups: filtered by the console's search and
// sign-in (`filter[username_eq]`). Not in FILTER_ATTRIBUTES above; the emulator check covers them too.
export const WORKFLOW_FILTER_ATTRIBUTES = [
  'id',
  'code',
  'name',
  'description',
  'draft',
  'archived',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const WORKFLOW_SORT_ATTRIBUTES = WORKFLOW_FILTER_ATTRIBUTES;
export const USER_FILTER_ATTRIBUTES = [
  'id',
  'username',
  'auth_provider',
  'created_at',
  'updated_at',
] as const;
export const USER_SORT_ATTRIBUTES = USER_FILTER_ATTRIBUTES;
export const GROUP_FILTER_ATTRIBUTES = ['id', 'cn'] as const;
export const GROUP_SORT_ATTRIBUTES = GROUP_FILTER_ATTRIBUTES;

// Workflow runs (`/api/workflow_runs`, a project's and a workflow's runs): the activity list filters them by
// status, creator, time and metadata key (`filter[metadata_change_request_eq]`), and polls `updated_at_gteq`.
export const WORKFLOW_RUN_FILTER_ATTRIBUTES = [
  'id',
  'status_code',
  'created_by',
  'scheduled',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
  'project_code',
  'project_name',
  'workflow_code',
] as const;
export const WORKFLOW_RUN_SORT_ATTRIBUTES = [
  'id',
  'status_code',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;
export const WORKFLOW_RUN_JSON_FILTER_ATTRIBUTES = ['metadata'] as const;

export type WorkflowFilterKey = FilterKey<(typeof WORKFLOW_FILTER_ATTRIBUTES)[number]>;
export type WorkflowRunFilterKey = FilterKey<(typeof WORKFLOW_RUN_FILTER_ATTRIBUTES)[number]>;
export type WorkflowRunSort = SortSpec<(typeof WORKFLOW_RUN_SORT_ATTRIBUTES)[number]>;
/** A filter on a key of a JSON attribute: `metadata_change_request_eq` (see jsonFilterAttribute). */
export type JsonFilterKey<A extends string> = `${A}_${string}_${ValuePredicate}`;
export type UserFilterKey = FilterKey<(typeof USER_FILTER_ATTRIBUTES)[number]>;
export type GroupFilterKey = FilterKey<(typeof GROUP_FILTER_ATTRIBUTES)[number]>;
export type WorkflowSort = SortSpec<(typeof WORKFLOW_SORT_ATTRIBUTES)[number]>;
export type UserSort = SortSpec<(typeof USER_SORT_ATTRIBUTES)[number]>;
export type GroupSort = SortSpec<(typeof GROUP_SORT_ATTRIBUTES)[number]>;

// Scheduled activities (`/api/scheduled_activities`, `<node>/scheduled_activities`; domain §10): both types
// in one collection, `type` telling them apart; the parent's codes and names are joined in.
export const SCHEDULED_ACTIVITY_FILTER_ATTRIBUTES = [
  'id',
  'type',
  'cron_schedule',
  'repeat',
  'enabled',
  'next_run_at',
  'created_at',
  'created_by',
  'action',
  'new_commits_only',
  'git_rev',
  'git_remote_name',
  'workflow_code',
  'version',
  'parent_path',
  'project_code',
  'project_name',
  'environment_code',
  'environment_name',
  'asset_code',
  'asset_name',
] as const;
export const SCHEDULED_ACTIVITY_SORT_ATTRIBUTES = SCHEDULED_ACTIVITY_FILTER_ATTRIBUTES;
/** One text box over what a schedule runs and where: `action_or_workflow_code_or_parent_path_cont`. */
export type ScheduledActivityTextFilterKey = 'action_or_workflow_code_or_parent_path_cont';
export type ScheduledActivityFilterKey =
  FilterKey<(typeof SCHEDULED_ACTIVITY_FILTER_ATTRIBUTES)[number]> | ScheduledActivityTextFilterKey;
export type ScheduledActivitySort = SortSpec<(typeof SCHEDULED_ACTIVITY_SORT_ATTRIBUTES)[number]>;
