import type { NodeKind } from '@/lib/node-path';

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  project: 'project',
  environment: 'environment',
  asset: 'asset',
};
