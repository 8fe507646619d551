import { changeDocumentSchema, type ChangeAttributes, type ChangeMeta } from '@contract/change';
import type { JsonObject } from '@contract/json-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityKeys } from './activity';
import { fetchDocument, flatten, type Flat } from './json-api';

// Starting a change: `POST /api/changes` with the target's `parent_path` (domain §7.1). Project and
// environment targets name a Git remote and revision; asset targets must not (their template version supplies
// the repository) and may name another `template_version`. The new change starts `initializing`.

export type CreatedChange = Flat<ChangeAttributes, ChangeMeta | undefined>;

/** The create body's attributes, as the API names them; absent ones are not sent. */
export interface CreateChangeInput {
  /** The target's OpsChain path: `/projects/bank/environments/dev/assets/web`. */
  parent_path: string;
  action: string;
  git_remote_name?: string | undefined;
  git_rev?: string | undefined;
  template_version?: string | undefined;
  metadata?: JsonObject | undefined;
  property_overrides?: JsonObject | undefined;
}

/** The attributes to send: what was given, nothing undefined (`{"data":{"attributes":{…}}}`). */
export function createChangeBody(input: CreateChangeInput): {
  data: { attributes: Record<string, unknown> };
} {
  const attributes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { data: { attributes } };
}

export async function createChange(input: CreateChangeInput): Promise<CreatedChange> {
  const document = await fetchDocument(changeDocumentSchema, '/changes', {
    method: 'POST',
    body: createChangeBody(input),
  });
  return flatten(document.data);
}

/** Creates a change; activity lists then ask again (a poll would bring it too, a little later). */
export function useCreateChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createChange,
    onSuccess: () => client.invalidateQueries({ queryKey: activityKeys.all }),
  });
}
