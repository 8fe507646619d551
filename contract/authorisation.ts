import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// Rules, policies and the records linking them to each other and to users (domain §5).

// `path` is a regular expression over OpsChain paths ("" matches everything); the server
// prefixes `^` when it is missing. `system` marks built-in, read-only records.
export const authorisationRuleAttributesSchema = z.object({
  name: z.string().nullable(),
  path: z.string(),
  readable: z.boolean(),
  updatable: z.boolean(),
  executable: z.boolean(),
  created_by: z.string(),
  system: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type AuthorisationRuleAttributes = z.infer<typeof authorisationRuleAttributesSchema>;
export type AuthorisationRule = AuthorisationRuleAttributes & { id: string };

export const authorisationRuleResourceSchema = resourceSchema(
  'authorisation_rule',
  authorisationRuleAttributesSchema,
);
export type AuthorisationRuleResource = z.infer<typeof authorisationRuleResourceSchema>;
export const authorisationRuleDocumentSchema = singleDocument(authorisationRuleResourceSchema);
export type AuthorisationRuleDocument = z.infer<typeof authorisationRuleDocumentSchema>;
export const authorisationRuleListDocumentSchema = listDocument(authorisationRuleResourceSchema);
export type AuthorisationRuleListDocument = z.infer<typeof authorisationRuleListDocumentSchema>;

export const authorisationPolicyAttributesSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  system: z.boolean(),
  created_by: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type AuthorisationPolicyAttributes = z.infer<typeof authorisationPolicyAttributesSchema>;
export type AuthorisationPolicy = AuthorisationPolicyAttributes & { id: string };

export const authorisationPolicyResourceSchema = resourceSchema(
  'authorisation_policy',
  authorisationPolicyAttributesSchema,
);
export type AuthorisationPolicyResource = z.infer<typeof authorisationPolicyResourceSchema>;
export const authorisationPolicyDocumentSchema = singleDocument(authorisationPolicyResourceSchema);
export type AuthorisationPolicyDocument = z.infer<typeof authorisationPolicyDocumentSchema>;
export const authorisationPolicyListDocumentSchema = listDocument(authorisationPolicyResourceSchema);
export type AuthorisationPolicyListDocument = z.infer<typeof authorisationPolicyListDocumentSchema>;

// Links one rule to one policy. It repeats its own id among the attributes.
export const policyRuleAttributesSchema = z.object({
  id: z.string(),
  created_by: z.string(),
  authorisation_policy_id: z.string(),
  authorisation_rule_id: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type PolicyRuleAttributes = z.infer<typeof policyRuleAttributesSchema>;
export type PolicyRule = PolicyRuleAttributes & { id: string };

export const policyRuleResourceSchema = resourceSchema('policy_rule', policyRuleAttributesSchema);
export type PolicyRuleResource = z.infer<typeof policyRuleResourceSchema>;
export const policyRuleDocumentSchema = singleDocument(policyRuleResourceSchema);
export type PolicyRuleDocument = z.infer<typeof policyRuleDocumentSchema>;
// `POST …/rules` answers 201 with a list, even for one rule.
export const policyRuleListDocumentSchema = listDocument(policyRuleResourceSchema);
export type PolicyRuleListDocument = z.infer<typeof policyRuleListDocumentSchema>;

// username → that user; groupname → its members; both null → everyone; both set → that user
// while in that group.
export const policyAssignmentAttributesSchema = z.object({
  username: z.string().nullable(),
  groupname: z.string().nullable(),
  created_by: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type PolicyAssignmentAttributes = z.infer<typeof policyAssignmentAttributesSchema>;
export type PolicyAssignment = PolicyAssignmentAttributes & { id: string };

export const policyAssignmentResourceSchema = resourceSchema(
  'policy_assignment',
  policyAssignmentAttributesSchema,
);
export type PolicyAssignmentResource = z.infer<typeof policyAssignmentResourceSchema>;
export const policyAssignmentDocumentSchema = singleDocument(policyAssignmentResourceSchema);
export type PolicyAssignmentDocument = z.infer<typeof policyAssignmentDocumentSchema>;
export const policyAssignmentListDocumentSchema = listDocument(policyAssignmentResourceSchema);
export type PolicyAssignmentListDocument = z.infer<typeof policyAssignmentListDocumentSchema>;
