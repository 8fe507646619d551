import { linkOptions } from '@tanstack/react-router';
import type { NodeRef } from './node-path';

// Typed router destinations for nodes, for links and `navigate` alike. The console's node URLs are the
// OpsChain paths themselves (`/projects/bank/environments/dev`).

export function nodeLinkOptions(ref: NodeRef) {
  switch (ref.kind) {
    case 'project':
      return linkOptions({ to: '/projects/$projectCode', params: { projectCode: ref.projectCode } });
    case 'environment':
      return linkOptions({
        to: '/projects/$projectCode/environments/$environmentCode',
        params: { projectCode: ref.projectCode, environmentCode: ref.environmentCode },
      });
    case 'asset':
      return ref.environmentCode === undefined
        ? linkOptions({
            to: '/projects/$projectCode/assets/$assetCode',
            params: { projectCode: ref.projectCode, assetCode: ref.assetCode },
          })
        : linkOptions({
            to: '/projects/$projectCode/environments/$environmentCode/assets/$assetCode',
            params: {
              projectCode: ref.projectCode,
              environmentCode: ref.environmentCode,
              assetCode: ref.assetCode,
            },
          });
  }
}
