/**
 * The step trees and log scripts of the built-in catalog actions (names and descriptions live in
 * `catalog.ts`, which template versions list; `catalog-trees.test.ts` keeps the two in sync).
 *
 * Durations are simulated milliseconds; the engine divides them by EMULATOR_SPEED. A step first runs its own
 * action for `durationMs`, writing its script's lines at their offsets, then (unless it failed) its children
 * appear and run `sequential`ly or in `parallel` — as OpsChain appends child steps while a parent runs.
 */

export type StepKind = 'action' | 'wait' | 'approval';
export type ExecutionStrategy = 'sequential' | 'parallel';

/** What a script line can mention; `stamp` is the line's simulated time as a Ruby Logger prints it. */
export interface ScriptContext {
  stamp: string;
  changeId: string;
  action: string;
  target: string;
  gitRemoteName: string | null;
  gitRev: string | null;
  commitSha: string | null;
  stepName: string;
}

export interface ScriptEntry {
  atMs: number;
  lines: (ctx: ScriptContext) => string[];
}

export interface StepDef {
  action: string;
  name: string;
  kind: StepKind;
  strategy: ExecutionStrategy;
  durationMs: number;
  script: readonly ScriptEntry[];
  /** The own action ends in `error` (after its script, which prints the stack trace). */
  fails?: boolean;
  /** Writes `property_overrides.log_lines` generated lines instead of a script. */
  noisy?: boolean;
  requiresApprovalFrom?: string;
  children: readonly StepDef[];
}

/** Simulated durations of the lifecycle around the actions. */
export const TIMINGS = {
  /** initializing: resolving the Git revision (or template version) and the action. */
  resolveMs: 1000,
  /** queued → running for a change (a worker picks it up). */
  changeQueueMs: 500,
  /** queued → running for a child step. */
  stepQueueMs: 200,
  /** noisy: one line per millisecond, i.e. 1,000 lines per simulated second. */
  noisyMsPerLine: 1,
  /** noisy: lines written per engine event. */
  noisyChunk: 100,
} as const;

export const NOISY_DEFAULT_LINES = 10_000;
export const NOISY_MAX_LINES = 1_000_000;

const RESET = '\u001b[0m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const RED = '\u001b[31m';
const BOLD = '\u001b[1m';
const CYAN = '\u001b[36m';

/** Ruby Logger lines, as OpsChain actions print them. */
export const log = {
  info: (ctx: ScriptContext, text: string): string => `I, [${ctx.stamp} #1]  INFO -- : ${text}`,
  warn: (ctx: ScriptContext, text: string): string =>
    `W, [${ctx.stamp} #1]  WARN -- : ${YELLOW}${text}${RESET}`,
  error: (ctx: ScriptContext, text: string): string =>
    `E, [${ctx.stamp} #1] ERROR -- : ${RED}${text}${RESET}`,
};

function at(atMs: number, lines: (ctx: ScriptContext) => string[]): ScriptEntry {
  return { atMs, lines };
}

function info(atMs: number, ...texts: string[]): ScriptEntry {
  return at(atMs, (ctx) => texts.map((t) => log.info(ctx, t)));
}

function step(def: Partial<StepDef> & Pick<StepDef, 'action' | 'durationMs'>): StepDef {
  return {
    name: def.action,
    kind: 'action',
    strategy: 'sequential',
    script: [],
    children: [],
    ...def,
  };
}

/** OpsChain's own lines at the start of every change's root step (revision, runner image). */
export function preamble(): ScriptEntry[] {
  return [
    at(0, (ctx) => [
      log.info(ctx, `Starting change ${ctx.changeId}: action ${BOLD}${ctx.action}${RESET} on ${ctx.target}`),
      log.info(
        ctx,
        ctx.gitRemoteName
          ? `Using Git remote ${ctx.gitRemoteName} at ${ctx.gitRev ?? '?'} (${(ctx.commitSha ?? '').slice(0, 12)})`
          : `Using template revision ${ctx.gitRev ?? '?'} (${(ctx.commitSha ?? '').slice(0, 12)})`,
      ),
      log.info(ctx, `Building step runner image ${GREEN}✔${RESET} (cached layers: 14/15)`),
    ]),
  ];
}

const STACK_TRACE = [
  "/opt/opschain/vendor/bundle/ruby/3.3.0/gems/activerecord-7.1.5.1/lib/active_record/connection_adapters/postgresql/database_statements.rb:55:in `exec'",
  "/opt/opschain/vendor/bundle/ruby/3.3.0/gems/activerecord-7.1.5.1/lib/active_record/migration.rb:1094:in `block in method_missing'",
  "/opt/opschain/vendor/bundle/ruby/3.3.0/gems/activerecord-7.1.5.1/lib/active_record/migration.rb:1062:in `say_with_time'",
  "/opt/opschain/lib/ledger/migrations.rb:42:in `add_ledger_index'",
  "/opt/opschain/actions.rb:87:in `block (2 levels) in <top (required)>'",
  "/opt/opschain/vendor/bundle/ruby/3.3.0/gems/opschain-core-2025.4.25/lib/opschain/step_runner.rb:131:in `run'",
];

const hello = step({
  action: 'hello',
  durationMs: 3000,
  script: [
    info(500, 'Loading actions.rb'),
    at(1000, (ctx) => [log.info(ctx, `${GREEN}Hello from OpsChain!${RESET} Running on ${ctx.target}`)]),
    info(2500, 'Nothing else to do. Goodbye.'),
  ],
});

const deploy = step({
  action: 'deploy',
  durationMs: 1000,
  script: [info(200, 'Preparing deployment of release 2025.4.25')],
  children: [
    step({
      action: 'build',
      durationMs: 8000,
      script: [
        info(0, 'Compiling sources'),
        info(2000, 'Resolving dependencies (142 packages)'),
        info(5000, 'Compiled 318 files in 4.9s'),
        at(7500, (ctx) => [log.info(ctx, `Artefact app-2025.4.25.tar.gz (48.2 MB) ${GREEN}built${RESET}`)]),
      ],
    }),
    step({
      action: 'test',
      durationMs: 500,
      strategy: 'parallel',
      script: [info(0, 'Running the unit and integration suites in parallel')],
      children: [
        step({
          action: 'unit',
          durationMs: 6000,
          script: [
            info(0, 'Running unit tests (1204 examples)'),
            at(5800, (ctx) => [log.info(ctx, `${GREEN}1204 examples, 0 failures${RESET} (5.8s)`)]),
          ],
        }),
        step({
          action: 'integration',
          durationMs: 10_000,
          script: [
            info(0, 'Starting test database container postgres:16.2'),
            info(3000, 'Running integration tests (89 examples)'),
            at(9500, (ctx) => [
              log.info(ctx, `${GREEN}89 examples, 0 failures${RESET}, ${YELLOW}2 pending${RESET} (6.4s)`),
            ]),
          ],
        }),
      ],
    }),
    step({
      action: 'release',
      durationMs: 6000,
      script: [
        info(0, 'Uploading artefact to the release bucket'),
        info(2500, 'Switching traffic to the new version (blue → green)'),
        at(5500, (ctx) => [log.info(ctx, `${GREEN}Release 2025.4.25 is live${RESET}`)]),
      ],
    }),
  ],
});

function host(index: number): StepDef {
  const fqdn = `host-${String(index)}.example.internal`;
  return step({
    action: 'provision_host',
    name: `host-${String(index)}`,
    durationMs: 500,
    script: [info(0, `Connecting to ${fqdn} over SSH`)],
    children: [
      step({
        action: 'install_packages',
        durationMs: 3000 + index * 500,
        script: [
          info(0, `[${fqdn}] Installing packages: nginx openssl chrony`),
          info(2000, `[${fqdn}] 3 packages installed`),
        ],
      }),
      step({
        action: 'configure',
        durationMs: 2000,
        script: [
          info(0, `[${fqdn}] Rendering /etc/nginx/nginx.conf`),
          info(1500, `[${fqdn}] Reloading nginx`),
        ],
      }),
      step({
        action: 'verify',
        durationMs: 1000,
        script: [at(800, (ctx) => [log.info(ctx, `[${fqdn}] Health check ${GREEN}OK${RESET}`)])],
      }),
    ],
  });
}

const provision = step({
  action: 'provision',
  durationMs: 500,
  strategy: 'parallel',
  script: [info(0, 'Provisioning 5 hosts')],
  children: [1, 2, 3, 4, 5].map(host),
});

const approvalGate = step({
  action: 'approval_gate',
  durationMs: 500,
  script: [info(0, 'This release needs sign-off from the approvers group')],
  children: [
    step({
      action: 'approve_release',
      kind: 'approval',
      requiresApprovalFrom: 'approvers',
      durationMs: 2000,
      script: [info(0, 'Approval received; recording the sign-off'), info(1500, 'Sign-off recorded')],
    }),
    step({
      action: 'apply_release',
      durationMs: 4000,
      script: [
        info(0, 'Applying the approved release'),
        at(3500, (ctx) => [log.info(ctx, `${GREEN}Done${RESET}`)]),
      ],
    }),
  ],
});

/** The wait step's action is `opschain_wait_step_<n>`, as OpsChain names them. */
export const WAIT_ACTION = 'opschain_wait_step_1';

const manualWait = step({
  action: 'manual_wait',
  durationMs: 500,
  script: [info(0, 'Draining traffic; someone must confirm the maintenance window before the restart')],
  children: [
    step({ action: WAIT_ACTION, name: 'wait_for_confirmation', kind: 'wait', durationMs: 0 }),
    step({
      action: 'resume_service',
      durationMs: 3000,
      script: [info(0, 'Restarting the service'), info(2500, 'Service is back in the load balancer')],
    }),
  ],
});

const failing = step({
  action: 'failing',
  durationMs: 500,
  script: [info(0, 'Upgrading the ledger schema')],
  children: [
    step({
      action: 'prepare',
      durationMs: 2000,
      script: [info(0, 'Taking a backup of ledger_db'), info(1800, 'Backup ledger_db-20250425.dump written')],
    }),
    step({
      action: 'migrate_schema',
      durationMs: 3000,
      fails: true,
      script: [
        info(0, 'Running database migrations'),
        info(1500, '== 20250425061200 AddLedgerIndex: migrating ======================'),
        at(3000, (ctx) => [
          log.error(ctx, 'PG::DuplicateTable: ERROR:  relation "ledger_entries_account_idx" already exists'),
          ...STACK_TRACE,
          log.error(ctx, `Step ${ctx.stepName} failed`),
        ]),
      ],
    }),
    step({
      action: 'restart_services',
      durationMs: 2000,
      script: [info(0, 'Restarting ledger services')],
    }),
  ],
});

const SLOW_BATCHES = 24;
const slow = step({
  action: 'slow',
  durationMs: 120_000,
  script: [
    info(0, `Processing ${String(SLOW_BATCHES)} batches (about two minutes)`),
    ...Array.from({ length: SLOW_BATCHES }, (_, i) =>
      at((i + 1) * 5000 - 100, (ctx) => [
        log.info(
          ctx,
          `${CYAN}Batch ${String(i + 1)}/${String(SLOW_BATCHES)}${RESET} done (${String(Math.round(((i + 1) * 100) / SLOW_BATCHES))}%)`,
        ),
      ]),
    ),
  ],
});

const noisy = step({ action: 'noisy', durationMs: 0, noisy: true });

export const BIG_TREE_DEFAULT_STEPS = 2000;
export const BIG_TREE_MAX_STEPS = 10_000;
/** big_tree's shape: stages run one after another; each runs GROUPS chains of CHAIN steps in parallel. */
const BIG_TREE_GROUPS = 10;
const BIG_TREE_CHAIN = ['check', 'apply', 'verify', 'report'] as const;

/**
 * `big_tree`: about `count` short steps (the step graph's scale test): the root runs sequential stages;
 * a stage runs its groups in parallel; a group runs check → apply → verify → report. Exactly `count`
 * steps: the last stage is cut short.
 */
export function bigTree(count: number): StepDef {
  let made = 1;
  const stages: StepDef[] = [];
  for (let s = 1; made < count; s++) {
    made++;
    const groups: StepDef[] = [];
    for (let g = 1; g <= BIG_TREE_GROUPS && made < count; g++) {
      made++;
      const chain: StepDef[] = [];
      for (const [i, action] of BIG_TREE_CHAIN.entries()) {
        if (made >= count) break;
        made++;
        const durationMs = 300 + ((s * 7 + g * 3 + i * 5) % 5) * 100;
        chain.push(
          step({
            action,
            name: `${action} ${String(s)}.${String(g)}`,
            durationMs,
            script: [info(0, `Stage ${String(s)}, group ${String(g)}: ${action}`)],
          }),
        );
      }
      groups.push(
        step({ action: 'group', name: `group ${String(s)}.${String(g)}`, durationMs: 100, children: chain }),
      );
    }
    stages.push(
      step({
        action: 'stage',
        name: `stage ${String(s)}`,
        durationMs: 100,
        strategy: 'parallel',
        script: [info(0, `Stage ${String(s)}: ${String(groups.length)} groups in parallel`)],
        children: groups,
      }),
    );
  }
  return step({
    action: 'big_tree',
    durationMs: 500,
    script: [info(0, `Running ${String(count)} steps in ${String(stages.length)} stages`)],
    children: stages,
  });
}

/** `property_overrides.step_count` as a whole number from 1 to 10,000 (also as text); else 2,000. */
export function bigTreeStepCount(propertyOverrides: Record<string, unknown>): number {
  const value = propertyOverrides.step_count;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return BIG_TREE_DEFAULT_STEPS;
  return Math.min(n, BIG_TREE_MAX_STEPS);
}

const TREES: ReadonlyMap<string, StepDef> = new Map(
  [
    hello,
    deploy,
    provision,
    approvalGate,
    manualWait,
    failing,
    slow,
    noisy,
    bigTree(BIG_TREE_DEFAULT_STEPS),
  ].map((d) => [d.action, d]),
);

export const CATALOG_TREE_NAMES: readonly string[] = [...TREES.keys()];

// Generated big_tree definitions by size: the engine looks a step's definition up on every event.
const bigTrees = new Map<number, StepDef>();

/** The action's step tree; `big_tree` takes its size from the change's `property_overrides.step_count`. */
export function catalogTree(
  action: string,
  propertyOverrides: Record<string, unknown> = {},
): StepDef | undefined {
  if (action !== 'big_tree') return TREES.get(action);
  const count = bigTreeStepCount(propertyOverrides);
  let tree = bigTrees.get(count);
  if (tree === undefined) {
    if (bigTrees.size >= 16) bigTrees.clear();
    tree = bigTree(count);
    bigTrees.set(count, tree);
  }
  return tree;
}

/** The definition at `defPath` ('' for the root, '1.0' for the first child of the second child). */
export function defAt(root: StepDef, defPath: string): StepDef | undefined {
  if (defPath === '') return root;
  let current: StepDef | undefined = root;
  for (const part of defPath.split('.')) {
    current = current?.children[Number(part)];
  }
  return current;
}

/** One generated line of the noisy action (every 50th in colour, every 500th a warning). */
export function noisyLine(ctx: ScriptContext, index: number, total: number): string {
  const n = index + 1;
  if (n % 500 === 0)
    return log.warn(
      ctx,
      `Line ${String(n)}/${String(total)}: slow response from cache-${String(n % 7)} (${String(100 + (n % 400))} ms)`,
    );
  if (n % 50 === 0)
    return log.info(ctx, `Line ${String(n)}/${String(total)}: ${GREEN}checkpoint${RESET} reached`);
  return log.info(
    ctx,
    `Line ${String(n)}/${String(total)}: processed record ${String((n * 7919) % 100_000).padStart(5, '0')}`,
  );
}

/**
 * `property_overrides.fail_step`: a step (or a list of them) whose own action fails at its end with a stack
 * trace — failure injection for any catalog action. A step is named by its name or by the names of its
 * ancestors and itself joined with `/`: `unit` in `deploy`, `host-3/install_packages` in `provision`.
 * `namePath` is the step's own name first, then its parent's, up to the root.
 */
export function failureRequested(
  propertyOverrides: Record<string, unknown>,
  namePath: readonly string[],
): boolean {
  const value = propertyOverrides.fail_step;
  const wanted = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const candidates = namePath.map((_, i) =>
    namePath
      .slice(0, i + 1)
      .reverse()
      .join('/'),
  );
  return wanted.some((w) => typeof w === 'string' && candidates.includes(w));
}

export function injectedFailureLines(ctx: ScriptContext): string[] {
  return [
    log.error(ctx, `RuntimeError: ${ctx.stepName} failed (requested by property_overrides.fail_step)`),
    ...STACK_TRACE.slice(3),
    log.error(ctx, `Step ${ctx.stepName} failed`),
  ];
}

/** Fastest `property_overrides.lines_per_second` accepted (a million-line log in one simulated second). */
export const NOISY_MAX_LINES_PER_SECOND = 1_000_000;

/**
 * noisy: simulated milliseconds per line from `property_overrides.lines_per_second` (a whole number from 1 to
 * NOISY_MAX_LINES_PER_SECOND, also as text); anything else is the default of 1,000 lines per second.
 */
export function noisyMsPerLine(propertyOverrides: Record<string, unknown>): number {
  const value = propertyOverrides.lines_per_second;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > NOISY_MAX_LINES_PER_SECOND)
    return TIMINGS.noisyMsPerLine;
  return 1000 / n;
}

/**
 * `property_overrides.echo`: a string or a list of strings every action writes verbatim as log lines right
 * after OpsChain's own opening lines — arbitrary output (markup, escape sequences) for testing how a
 * console renders it. Stored and served as text like any other line; at most 100 lines of 10,000 characters.
 */
export function echoLines(propertyOverrides: Record<string, unknown>): string[] {
  const value = propertyOverrides.echo;
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return texts
    .filter((t): t is string => typeof t === 'string')
    .slice(0, 100)
    .map((t) => t.slice(0, 10_000));
}

/** `property_overrides.log_lines` as a line count; anything else (missing, not a whole number) is the default. */
export function noisyLineCount(propertyOverrides: Record<string, unknown>): number {
  const value = propertyOverrides.log_lines;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return NOISY_DEFAULT_LINES;
  return Math.min(n, NOISY_MAX_LINES);
}
