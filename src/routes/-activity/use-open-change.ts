import { useRouter } from '@tanstack/react-router';
import { changeHref } from '@/features/changes/change-link';

/** Opens a change's page (after creating it). */
export function useOpenChange(): (changeId: string) => void {
  const router = useRouter();
  return (changeId) => {
    void router.navigate({ href: changeHref(changeId) });
  };
}
