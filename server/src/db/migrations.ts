// Each entry is one migration, applied once in order; PRAGMA user_version records how many ran.
// Append new migrations; never edit one that has shipped.
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    auth_provider TEXT NOT NULL DEFAULT 'local',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE groups (
    id TEXT PRIMARY KEY,            -- LDAP-style DN
    cn TEXT NOT NULL UNIQUE,
    alternative_cns TEXT NOT NULL DEFAULT '[]'
  );
  CREATE TABLE group_members (
    group_cn TEXT NOT NULL,
    username TEXT NOT NULL,
    PRIMARY KEY (group_cn, username)
  );
  CREATE INDEX group_members_user ON group_members(username);

  CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('project','environment','asset')),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    project_type TEXT,
    path TEXT NOT NULL UNIQUE,
    parent_id TEXT REFERENCES nodes(id),
    project_id TEXT REFERENCES nodes(id),
    environment_id TEXT REFERENCES nodes(id),
    properties_id TEXT NOT NULL,
    settings_id TEXT NOT NULL,
    template_id TEXT,
    template_version_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX nodes_parent ON nodes(parent_id, kind, code);
  CREATE INDEX nodes_parent_name ON nodes(parent_id, kind, name);
  CREATE INDEX nodes_project ON nodes(project_id, kind);
  CREATE INDEX nodes_kind_created ON nodes(kind, created_at);

  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('properties','settings')),
    owner_id TEXT NOT NULL,
    owner_type TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE document_versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (document_id, version)
  );

  CREATE TABLE git_remotes (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES nodes(id),
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    user TEXT,
    password TEXT,
    ssh_key_data TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    used_by_change INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, name)
  );

  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES nodes(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    url TEXT NOT NULL,
    user TEXT,
    password TEXT,
    ssh_key_data TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, code)
  );
  CREATE TABLE template_versions (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL REFERENCES templates(id),
    version TEXT NOT NULL,
    description TEXT,
    git_rev TEXT NOT NULL,
    commit_sha TEXT,
    state TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    has_mintmodel INTEGER NOT NULL DEFAULT 0,
    actions TEXT NOT NULL DEFAULT '[]',
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (template_id, version)
  );
  CREATE TABLE template_version_history (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES nodes(id),
    template_version_id TEXT NOT NULL REFERENCES template_versions(id),
    active_from TEXT NOT NULL,
    active_to TEXT
  );
  CREATE INDEX tvh_asset ON template_version_history(asset_id, active_from);

  CREATE TABLE bookmarks (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES nodes(id),
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX bookmarks_node ON bookmarks(node_id);

  CREATE TABLE mintmodels (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES nodes(id),
    data TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX mintmodels_asset ON mintmodels(asset_id, created_at);
  CREATE TABLE mintmodel_history (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES nodes(id),
    mintmodel_id TEXT NOT NULL REFERENCES mintmodels(id),
    change_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX mintmodel_history_asset ON mintmodel_history(asset_id, created_at);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    username TEXT,
    system INTEGER NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    source_type TEXT,
    source_id TEXT,
    source_path TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX events_created ON events(created_at);
  CREATE INDEX events_type_created ON events(type, created_at);

  CREATE TABLE authorisation_rules (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    readable INTEGER NOT NULL,
    updatable INTEGER NOT NULL,
    executable INTEGER NOT NULL,
    system INTEGER NOT NULL DEFAULT 0,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE authorisation_policies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    system INTEGER NOT NULL DEFAULT 0,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE policy_rules (
    id TEXT PRIMARY KEY,
    policy_id TEXT NOT NULL REFERENCES authorisation_policies(id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL REFERENCES authorisation_rules(id) ON DELETE CASCADE,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (policy_id, rule_id)
  );
  CREATE TABLE policy_assignments (
    id TEXT PRIMARY KEY,
    policy_id TEXT NOT NULL REFERENCES authorisation_policies(id) ON DELETE CASCADE,
    username TEXT,
    groupname TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX policy_assignments_policy ON policy_assignments(policy_id);
  `,
  `
  -- Execution engine (changes, steps, log lines). next_at: epoch ms (fractional) of a row's next timed
  -- transition, NULL while it waits for something else (a lock, its children, a person).
  CREATE TABLE changes (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    node_id TEXT NOT NULL REFERENCES nodes(id),
    project_id TEXT NOT NULL REFERENCES nodes(id),
    environment_id TEXT REFERENCES nodes(id),
    asset_id TEXT REFERENCES nodes(id),
    action TEXT NOT NULL,
    name TEXT,
    created_by TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    property_overrides TEXT NOT NULL DEFAULT '{}',
    scheduled INTEGER NOT NULL DEFAULT 0,
    git_remote_id TEXT,
    git_remote_name TEXT,
    git_rev TEXT,
    commit_sha TEXT,
    template_version_id TEXT,
    requires_approval_from TEXT,
    status_code TEXT NOT NULL,
    holds_lock INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    next_at REAL,
    properties_versions TEXT NOT NULL DEFAULT '[]',
    root_step_id TEXT,
    workflow_run_id TEXT,
    workflow_id TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX changes_node_status ON changes(node_id, status_code, seq);
  CREATE INDEX changes_created ON changes(created_at, seq);
  CREATE INDEX changes_status ON changes(status_code);
  CREATE INDEX changes_next ON changes(next_at) WHERE next_at IS NOT NULL;
  CREATE INDEX changes_workflow_run ON changes(workflow_run_id) WHERE workflow_run_id IS NOT NULL;

  CREATE TABLE steps (
    id TEXT PRIMARY KEY,
    change_id TEXT NOT NULL REFERENCES changes(id),
    parent_id TEXT REFERENCES steps(id),
    position INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    def_path TEXT NOT NULL,
    kind TEXT NOT NULL,
    action TEXT NOT NULL,
    name TEXT,
    step_type TEXT NOT NULL DEFAULT 'standard',
    child_execution_strategy TEXT NOT NULL,
    requires_approval_from TEXT,
    approved_by TEXT NOT NULL DEFAULT '[]',
    rejected_by TEXT NOT NULL DEFAULT '[]',
    continued_by TEXT NOT NULL DEFAULT '[]',
    skip_on_retry INTEGER NOT NULL DEFAULT 0,
    status_code TEXT NOT NULL,
    phase TEXT NOT NULL DEFAULT 'idle',
    progress INTEGER NOT NULL DEFAULT 0,
    own_started_ms REAL,
    next_at REAL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX steps_change ON steps(change_id, sort_key);
  CREATE INDEX steps_parent ON steps(parent_id, position);
  CREATE INDEX steps_created ON steps(created_at);
  CREATE INDEX steps_next ON steps(next_at) WHERE next_at IS NOT NULL;

  -- seq is the log line id: strictly increasing in insertion order (AUTOINCREMENT never reuses a value).
  CREATE TABLE log_lines (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    message TEXT NOT NULL,
    logged_at TEXT NOT NULL
  );
  CREATE INDEX log_lines_change ON log_lines(change_id, logged_at, seq);
  CREATE INDEX log_lines_step ON log_lines(step_id, logged_at, seq);
  CREATE INDEX log_lines_time ON log_lines(logged_at, seq);
  `,
  `
  -- Workflows (domain §9), their runs and run steps, and scheduled activities (§10). Every run and step
  -- transition is a row update, so the engine resumes from here after a restart.
  CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES nodes(id),
    code TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    -- Version numbers are never reused, even after drafts are deleted.
    next_version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, code)
  );
  CREATE TABLE workflow_versions (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    draft INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    steps TEXT NOT NULL,
    source_yaml TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (workflow_id, version)
  );

  CREATE TABLE workflow_runs (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    workflow_id TEXT NOT NULL,
    workflow_version_id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    parent_workflow_step_id TEXT,
    depth INTEGER NOT NULL DEFAULT 0,
    root_step_id TEXT NOT NULL,
    step_tree TEXT NOT NULL,
    created_by TEXT NOT NULL,
    scheduled INTEGER NOT NULL DEFAULT 0,
    metadata TEXT NOT NULL DEFAULT '{}',
    status_code TEXT NOT NULL,
    -- NULL while all goes well; 'error' or 'cancelled' once a step failed: nothing new starts.
    failure TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX workflow_runs_status ON workflow_runs(status_code);
  CREATE INDEX workflow_runs_workflow ON workflow_runs(workflow_id, status_code, seq);
  CREATE INDEX workflow_runs_version ON workflow_runs(workflow_version_id);
  CREATE INDEX workflow_runs_project ON workflow_runs(project_id, created_at);

  CREATE TABLE workflow_steps (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES workflow_runs(id),
    parent_id TEXT,
    position INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    child_execution_strategy TEXT,
    action TEXT,
    target_path TEXT,
    target_node_id TEXT,
    template_version TEXT,
    template_version_id TEXT,
    property_overrides TEXT,
    requires_approval_from TEXT,
    approved_by TEXT NOT NULL DEFAULT '[]',
    rejected_by TEXT NOT NULL DEFAULT '[]',
    continued_by TEXT NOT NULL DEFAULT '[]',
    code TEXT,
    child_workflow_id TEXT,
    child_workflow_version_id TEXT,
    child_run_id TEXT,
    change_id TEXT,
    start_time TEXT,
    skip_on_retry INTEGER NOT NULL DEFAULT 0,
    lock_version INTEGER NOT NULL DEFAULT 0,
    status_code TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX workflow_steps_run ON workflow_steps(run_id, sort_key);
  CREATE INDEX workflow_steps_parent ON workflow_steps(parent_id, position);
  CREATE INDEX workflow_steps_status ON workflow_steps(status_code);
  CREATE INDEX workflow_steps_target ON workflow_steps(target_node_id) WHERE target_node_id IS NOT NULL;
  CREATE INDEX workflow_steps_change ON workflow_steps(change_id) WHERE change_id IS NOT NULL;

  CREATE TABLE scheduled_activities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('scheduled_change', 'scheduled_workflow')),
    node_id TEXT NOT NULL REFERENCES nodes(id),
    project_id TEXT NOT NULL REFERENCES nodes(id),
    cron_schedule TEXT NOT NULL,
    repeat INTEGER NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    action TEXT,
    new_commits_only INTEGER NOT NULL DEFAULT 0,
    git_remote_id TEXT,
    git_remote_name TEXT,
    git_rev TEXT,
    workflow_id TEXT,
    workflow_version_id TEXT,
    -- new_commits_only: what the revision resolved to when the schedule last created a change.
    last_fingerprint TEXT,
    next_run_at TEXT,
    next_run_ms REAL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX scheduled_activities_next ON scheduled_activities(next_run_ms) WHERE next_run_ms IS NOT NULL;
  CREATE INDEX scheduled_activities_node ON scheduled_activities(node_id, created_at);
  `,
  // A node's children in creation order (every list's default): the index answers without a sort.
  `
  CREATE INDEX nodes_parent_created ON nodes(parent_id, kind, created_at, id);
  `,
];
