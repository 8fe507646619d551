import type { StepTreeNode } from '@/lib/step-tree';

export interface StepGraphProps {
  /** The step tree (`stepTreeFromSteps`); a new tree every poll is fine: positions stay put. */
  tree: StepTreeNode;
  /** The selected step's id; it lives in the caller's URL. */
  selectedId?: string | undefined;
  /** A step was picked in the graph, the outline, the search or a "next" jump. */
  onSelect: (id: string) => void;
  /**
   * The time running steps count their elapsed time against (epoch ms). Leave it out and the graph keeps
   * one clock of its own, ticking once a second while a step runs.
   */
  now?: number | undefined;
  /** Names the graph and the outline for assistive technology: "Steps of change deploy". */
  label: string;
  /**
   * Called once, after the first frame with the graph's nodes in it: a page can hold back its other heavy
   * parts (a log pane) until then, so they do not compete with the graph on opening.
   */
  onPainted?: (() => void) | undefined;
  /** CSS height of the graph canvas. @default 480 */
  height?: number | string | undefined;
}
