import type { ReactNode } from 'react';

/** What a log view is asked to show: a whole change, or one step of it; `isLive` while it may still grow. */
export interface LogScope {
  changeId: string;
  stepId?: string;
  isLive: boolean;
  /** Each step's name by id, so the log can name steps rather than show their ids. */
  stepNames?: ReadonlyMap<string, string>;
}

/**
 * Renders a log view for a scope. The route passes the log feature's pane in, so this feature never imports
 * another one.
 */
export type LogPaneRender = (scope: LogScope) => ReactNode;
