import { ActivityList } from '@/features/changes/activity-list';
import type { ActivitySearch } from '@/features/changes/activity-search';

export interface NodeActivityTabProps {
  nodePath: string;
  search: ActivitySearch;
  onSearchChange: (patch: Partial<ActivitySearch>) => void;
}

/** A node's Activity tab: the changes on it and below it, live. */
export function NodeActivityTab({ nodePath, search, onSearchChange }: NodeActivityTabProps) {
  return <ActivityList scope={{ nodePath }} search={search} onSearchChange={onSearchChange} />;
}
