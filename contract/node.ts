import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument } from './json-api.ts';
import { actionSummarySchema } from './template.ts';

// Projects, environments and assets: the nodes of one tree (domain §2.1, §2.2, §5.4).

export const NODE_TYPES = ['project', 'environment', 'asset'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

// Fixed at creation. Render from the node's `meta` flags rather than from this.
export const PROJECT_TYPES = ['Standard', 'Enterprise'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const CHILD_NODE_TYPES = ['environment', 'asset'] as const;
export type ChildNodeType = (typeof CHILD_NODE_TYPES)[number];

// The caller's permissions on one facet; a missing key means "not granted" in practice, but
// the server simply leaves out what does not apply (no `execute` on properties).
export const permissionsSchema = z.object({
  read: z.boolean().optional(),
  update: z.boolean().optional(),
  execute: z.boolean().optional(),
});
export type Permissions = z.infer<typeof permissionsSchema>;

// One facet per collection a node has, plus `self` (edit/archive the node itself).
export const AUTHORISATION_FACETS = [
  'self',
  'properties',
  'settings',
  'scheduled_activities',
  'git_remotes',
  'templates',
  'workflows',
  'environments',
  'assets',
  'changes',
  'workflow_runs',
] as const;
export type AuthorisationFacet = (typeof AUTHORISATION_FACETS)[number];

export const nodeAuthorisationsSchema = z.object({
  self: permissionsSchema.optional(),
  properties: permissionsSchema.optional(),
  settings: permissionsSchema.optional(),
  scheduled_activities: permissionsSchema.optional(),
  git_remotes: permissionsSchema.optional(),
  templates: permissionsSchema.optional(),
  workflows: permissionsSchema.optional(),
  environments: permissionsSchema.optional(),
  assets: permissionsSchema.optional(),
  changes: permissionsSchema.optional(),
  workflow_runs: permissionsSchema.optional(),
});
export type NodeAuthorisations = z.infer<typeof nodeAuthorisationsSchema>;

// Capability flags every node carries; the console decides which tabs and actions to show from
// these, not from `project_type` (a Standard project has `can_have_changes: false`).
export const nodeMetaSchema = z.object({
  can_have_changes: z.boolean(),
  can_have_children: z.boolean(),
  can_have_properties: z.boolean(),
  can_have_settings: z.boolean(),
  can_have_templates: z.boolean(),
  can_have_workflows: z.boolean(),
  requires_template: z.boolean(),
  child_node_types: z.array(z.enum(CHILD_NODE_TYPES)),
  authorisations: nodeAuthorisationsSchema,
});
export type NodeMeta = z.infer<typeof nodeMetaSchema>;

const nodeAttributesShape = {
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
};

export const projectAttributesSchema = z.object({
  ...nodeAttributesShape,
  project_type: z.enum(PROJECT_TYPES),
});
export type ProjectAttributes = z.infer<typeof projectAttributesSchema>;
export type Project = ProjectAttributes & { id: string };

export const environmentAttributesSchema = z.object(nodeAttributesShape);
export type EnvironmentAttributes = z.infer<typeof environmentAttributesSchema>;
export type Environment = EnvironmentAttributes & { id: string };

export const assetAttributesSchema = z.object({
  ...nodeAttributesShape,
  actions: z.array(actionSummarySchema),
  // Whether the asset's MintModel currently renders.
  mintmodel_valid: z.boolean(),
});
export type AssetAttributes = z.infer<typeof assetAttributesSchema>;
export type Asset = AssetAttributes & { id: string };

export const projectResourceSchema = resourceSchema('project', projectAttributesSchema, nodeMetaSchema);
export type ProjectResource = z.infer<typeof projectResourceSchema>;
export const environmentResourceSchema = resourceSchema(
  'environment',
  environmentAttributesSchema,
  nodeMetaSchema,
);
export type EnvironmentResource = z.infer<typeof environmentResourceSchema>;
export const assetResourceSchema = resourceSchema('asset', assetAttributesSchema, nodeMetaSchema);
export type AssetResource = z.infer<typeof assetResourceSchema>;

// `parents` of changes and scheduled activities point at any of the three.
export const nodeResourceSchema = z.discriminatedUnion('type', [
  projectResourceSchema,
  environmentResourceSchema,
  assetResourceSchema,
]);
export type NodeResource = z.infer<typeof nodeResourceSchema>;

// `GET /api/projects` also says whether the caller may create projects.
export const projectListMetaSchema = z.object({
  authorisations: z.object({ update: z.boolean().optional() }),
});
export type ProjectListMeta = z.infer<typeof projectListMetaSchema>;

export const projectDocumentSchema = singleDocument(projectResourceSchema);
export type ProjectDocument = z.infer<typeof projectDocumentSchema>;
export const projectListDocumentSchema = listDocument(projectResourceSchema, projectListMetaSchema);
export type ProjectListDocument = z.infer<typeof projectListDocumentSchema>;

export const environmentDocumentSchema = singleDocument(environmentResourceSchema);
export type EnvironmentDocument = z.infer<typeof environmentDocumentSchema>;
export const environmentListDocumentSchema = listDocument(environmentResourceSchema);
export type EnvironmentListDocument = z.infer<typeof environmentListDocumentSchema>;

export const assetDocumentSchema = singleDocument(assetResourceSchema);
export type AssetDocument = z.infer<typeof assetDocumentSchema>;
export const assetListDocumentSchema = listDocument(assetResourceSchema);
export type AssetListDocument = z.infer<typeof assetListDocumentSchema>;

// ---- Summaries: what navigation reads from node lists ----
// The console's tree and search list whole levels (10,000 assets under one project in the benchmark).
// Checking only these fields keeps that fast: the full resource schemas spend most of their time on
// `relationships` and `links`, which navigation does not use. Unlisted keys are dropped, not rejected.

export const nodeSummaryMetaSchema = nodeMetaSchema.pick({
  can_have_children: true,
  child_node_types: true,
  can_have_workflows: true,
});
export type NodeSummaryMeta = z.infer<typeof nodeSummaryMetaSchema>;

const nodeSummaryAttributesShape = {
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
};

export const projectSummaryResourceSchema = z.object({
  type: z.literal('project'),
  id: z.string(),
  attributes: z.object({ ...nodeSummaryAttributesShape, project_type: z.enum(PROJECT_TYPES) }),
  meta: nodeSummaryMetaSchema,
});
export type ProjectSummaryResource = z.infer<typeof projectSummaryResourceSchema>;
export const environmentSummaryResourceSchema = z.object({
  type: z.literal('environment'),
  id: z.string(),
  attributes: z.object(nodeSummaryAttributesShape),
  meta: nodeSummaryMetaSchema,
});
export type EnvironmentSummaryResource = z.infer<typeof environmentSummaryResourceSchema>;
export const assetSummaryResourceSchema = z.object({
  type: z.literal('asset'),
  id: z.string(),
  attributes: z.object(nodeSummaryAttributesShape),
  meta: nodeSummaryMetaSchema,
});
export type AssetSummaryResource = z.infer<typeof assetSummaryResourceSchema>;

export const projectSummaryListDocumentSchema = z.object({ data: z.array(projectSummaryResourceSchema) });
export const environmentSummaryListDocumentSchema = z.object({
  data: z.array(environmentSummaryResourceSchema),
});
export const assetSummaryListDocumentSchema = z.object({ data: z.array(assetSummaryResourceSchema) });
