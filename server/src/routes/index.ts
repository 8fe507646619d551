import type { FastifyInstance } from 'fastify';
import { assetExtraRoutes } from './asset-extras.ts';
import { authorisationRoutes } from './authorisation.ts';
import { bookmarkRoutes } from './bookmarks.ts';
import { changeRoutes } from './changes.ts';
import { documentRoutes } from './documents.ts';
import { eventRoutes } from './events.ts';
import { gitRemoteRoutes } from './git-remotes.ts';
import { logLineRoutes } from './log-lines.ts';
import { nodeRoutes } from './nodes.ts';
import { scheduledActivityRoutes } from './scheduled-activities.ts';
import { stepRoutes } from './steps.ts';
import { systemRoutes } from './system.ts';
import { templateRoutes } from './templates.ts';
import { workflowRunRoutes } from './workflow-runs.ts';
import { workflowStepRoutes } from './workflow-steps.ts';
import { workflowRoutes } from './workflows.ts';

/** Every `/api` route of the emulator. One module per resource family. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  systemRoutes(app);
  nodeRoutes(app);
  documentRoutes(app);
  bookmarkRoutes(app);
  eventRoutes(app);
  gitRemoteRoutes(app);
  templateRoutes(app);
  assetExtraRoutes(app);
  authorisationRoutes(app);
  changeRoutes(app);
  stepRoutes(app);
  logLineRoutes(app);
  workflowRoutes(app);
  workflowRunRoutes(app);
  workflowStepRoutes(app);
  scheduledActivityRoutes(app);
  await Promise.resolve();
}
