import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { recordServerDenial, type DeniableAction } from '@/lib/server-denials';
import { deniedReason } from './failures';

/**
 * Records a mutation's 403 as a denial of the action it attempted, with the server's reason, so every
 * button for that action is disabled and says why (`useServerDenial`). Any other failure is left alone.
 * Answers whether the error was a denial.
 */
export function useRecordDenial(): (error: unknown, target: DeniableAction | undefined) => boolean {
  const queryClient = useQueryClient();
  return useCallback(
    (error, target) => {
      const reason = deniedReason(error);
      if (reason === null) return false;
      if (target !== undefined) recordServerDenial(queryClient, target, reason);
      return true;
    },
    [queryClient],
  );
}
