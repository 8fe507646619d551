import { useNavigate } from '@tanstack/react-router';

/** Opens a change's page (after creating it). */
export function useOpenChange(): (changeId: string) => void {
  const navigate = useNavigate();
  return (changeId) => {
    void navigate({ to: '/changes/$changeId', params: { changeId } });
  };
}
