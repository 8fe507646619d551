import {
  approvalRecordSchema,
  CHILD_EXECUTION_STRATEGIES,
  stepResourceSchema,
  type ApprovalRecord,
  type StepAttributes,
  type StepResource,
} from '@contract/change';
import { type Links, type Relationship, type Relationships } from '@contract/json-api';
import { z } from 'zod';
import { parseRows, type RowList } from '@/lib/list-rows';
import { isPlainStamp, isPlainStampOrNull, isRecord } from './plain-json';

// The included steps of a change, each checked (a 2,000-step change is 2.5 MB, and zod took 70–90 ms of the
// page's opening over it, issue 11), so the usual row check is done by hand: a step in the shape OpsChain
// sends is read directly; any other goes through the contract schema like every row (`parseRows`), which
// reads it or marks it unreadable. `plain-step.test.ts` checks the hand check never accepts a step the schema
// refuses and reads each as the schema does.

const isNullableString = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

const approvalsSchema = z.array(approvalRecordSchema).nullable();
const NOT_READ = Symbol('not read');

/** `approved_by` and the like: null and [] by hand (nearly every step), anything else by the schema. */
function approvals(value: unknown): ApprovalRecord[] | null | typeof NOT_READ {
  if (value === null) return null;
  if (Array.isArray(value) && value.length === 0) return [];
  const checked = approvalsSchema.safeParse(value);
  return checked.success ? checked.data : NOT_READ;
}

function isStrategy(value: unknown): value is StepAttributes['child_execution_strategy'] {
  return CHILD_EXECUTION_STRATEGIES.some((strategy) => strategy === value);
}

function plainAttributes(value: unknown): StepAttributes | null {
  if (!isRecord(value)) return null;
  const a = value;
  const approved_by = approvals(a.approved_by);
  const rejected_by = approvals(a.rejected_by);
  const continued_by = approvals(a.continued_by);
  if (approved_by === NOT_READ || rejected_by === NOT_READ || continued_by === NOT_READ) return null;
  const { requires_approval_from, action, name, step_type, child_execution_strategy, change_id } = a;
  const { skip_on_retry, created_at, started_at, finished_at, updated_at, status_code } = a;
  if (!isNullableString(requires_approval_from) || !isNullableString(name)) return null;
  if (typeof action !== 'string' || typeof step_type !== 'string' || typeof change_id !== 'string')
    return null;
  if (typeof status_code !== 'string' || typeof skip_on_retry !== 'boolean') return null;
  if (!isStrategy(child_execution_strategy)) return null;
  if (!isPlainStamp(created_at) || !isPlainStamp(updated_at)) return null;
  if (!isPlainStampOrNull(started_at) || !isPlainStampOrNull(finished_at)) return null;
  return {
    approved_by,
    rejected_by,
    continued_by,
    requires_approval_from,
    action,
    name,
    step_type,
    child_execution_strategy,
    change_id,
    skip_on_retry,
    created_at,
    started_at,
    finished_at,
    updated_at,
    status_code,
  };
}

/** A links object: every value a string or null (a copy, as the schema makes). */
function plainLinks(value: unknown): Links | null {
  if (!isRecord(value)) return null;
  const links: Links = {};
  for (const key of Object.keys(value)) {
    const link = value[key];
    if (link !== null && typeof link !== 'string') return null;
    links[key] = link;
  }
  return links;
}

function identifier(value: unknown): { type: string; id: string } | null {
  if (!isRecord(value) || typeof value.type !== 'string' || typeof value.id !== 'string') return null;
  return { type: value.type, id: value.id };
}

/** A relationship with `data` (and links); one with `meta` goes to the schema. */
function plainRelationship(value: unknown): Relationship | null {
  if (!isRecord(value) || 'meta' in value) return null;
  const relationship: Relationship = {};
  if ('data' in value) {
    const { data } = value;
    if (data === null) relationship.data = null;
    else if (Array.isArray(data)) {
      const ids: { type: string; id: string }[] = [];
      for (const member of data) {
        const id = identifier(member);
        if (id === null) return null;
        ids.push(id);
      }
      relationship.data = ids;
    } else {
      const id = identifier(data);
      if (id === null) return null;
      relationship.data = id;
    }
  }
  if ('links' in value) {
    const links = plainLinks(value.links);
    if (links === null) return null;
    relationship.links = links;
  }
  return relationship;
}

function plainRelationships(value: unknown): Relationships | null {
  if (!isRecord(value)) return null;
  const relationships: Relationships = {};
  for (const key of Object.keys(value)) {
    const relationship = plainRelationship(value[key]);
    if (relationship === null) return null;
    relationships[key] = relationship;
  }
  return relationships;
}

/**
 * A step resource as OpsChain sends it (`meta` absent or null; a relationship without `meta`), read as the
 * contract schema reads it; null for any other value (the schema then decides). Keys the schema does not
 * know are left out, as the schema leaves them out.
 */
export function plainStep(member: unknown): StepResource | null {
  if (!isRecord(member) || member.type !== 'step' || typeof member.id !== 'string') return null;
  const attributes = plainAttributes(member.attributes);
  if (attributes === null) return null;
  const step: StepResource = { type: 'step', id: member.id, attributes };
  if ('relationships' in member) {
    const relationships = plainRelationships(member.relationships);
    if (relationships === null) return null;
    step.relationships = relationships;
  }
  if ('links' in member) {
    const links = plainLinks(member.links);
    if (links === null) return null;
    step.links = links;
  }
  if ('meta' in member) {
    if (member.meta !== null) return null;
    step.meta = null;
  }
  return step;
}

/** Each member read by hand (`plainStep`) or else by the contract schema, which may mark it unreadable. */
export function readStepRows(members: readonly unknown[]): RowList<StepResource> {
  const items: StepResource[] = [];
  const unreadable: RowList<StepResource>['unreadable'] = [];
  members.forEach((member, index) => {
    const step = plainStep(member);
    if (step !== null) {
      items.push(step);
      return;
    }
    const checked = parseRows(stepResourceSchema, [member], index);
    items.push(...checked.items);
    unreadable.push(...checked.unreadable);
  });
  return { items, unreadable };
}
