import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { workflowCompletionQuery } from '@/api/workflow-completions';
import { completionSlot, completionValues, WORKFLOW_SNIPPETS } from '@/lib/workflow-completion';
import type { CodeCompletions } from '@/ui/code-editor-types';

const NO_DATA = { assets: [], workflows: [] };

/**
 * The editor's completions for a workflow of `projectCode`: a snippet per kind of step, targets (the
 * project's assets and workflows) and the target asset's actions. Snippets work before the lists arrive.
 */
export function useWorkflowCompletions(projectCode: string): CodeCompletions {
  const data = useQuery(workflowCompletionQuery(projectCode)).data ?? NO_DATA;
  return useMemo(
    () => ({
      snippets: WORKFLOW_SNIPPETS,
      valuesAt: (text, line, column) => {
        const slot = completionSlot(text, line, column);
        return slot === null ? null : { startColumn: slot.startColumn, values: completionValues(slot, data) };
      },
    }),
    [data],
  );
}
