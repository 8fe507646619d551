import { useNavigate } from '@tanstack/react-router';

/**
 * Changes some search parameters of the open route (filters, sorting, what is open), replacing the history
 * entry; the route's validateSearch types and checks the result.
 */
export function useSearchPatch<TSearch extends object>(): (patch: Partial<TSearch>) => void {
  const navigate = useNavigate();
  return (patch) => {
    void navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }), replace: true });
  };
}
