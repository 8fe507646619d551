import type { ReactNode } from 'react';
import type { DeniableAction } from '@/lib/server-denials';

/** One column of a `DataTable`. */
export interface DataTableColumn<Row, Sort extends string = string> {
  /** Unique within the table. */
  key: string;
  /** The column heading. */
  header: string;
  render: (row: Row) => ReactNode;
  /** The server sorts by this column under this name (`?sort=name` in the URL); not sortable when absent. */
  sortKey?: Sort;
  /** Stays in view while the other columns scroll sideways: the name or key column. */
  isSticky?: boolean;
  /** Hidden in narrow windows (below the `md` breakpoint), so the key and status columns stay in view. */
  isLowPriority?: boolean;
}

/** A button in the row's Actions cell, disabled with the reason when the user may not use it. */
export interface DataTableRowAction<Row> {
  /** Visible text, the same for every row or chosen per row ("Archive" / "Restore"). */
  label: string | ((row: Row) => string);
  /** The accessible name, naming the row: `Delete bookmark Grafana`. */
  accessibleName: (row: Row) => string;
  icon?: (row: Row) => ReactNode;
  color?: string;
  /**
   * Why the user may not perform it (from `meta.authorisations`); null when they may. A function decides per
   * row, for lists whose rows belong to different nodes.
   */
  deniedReason: string | null | ((row: Row) => string | null);
  /** The action as the server may refuse it (403): then it is disabled with the server's reason. */
  deniable?: DeniableAction | undefined;
  /** This row's action is running (its button spins). */
  isBusy?: (row: Row) => boolean;
  onAction: (row: Row) => void;
}

/** Rows chosen with checkboxes, for actions on several rows at once. */
export interface DataTableSelection<Row> {
  selectedKeys: ReadonlySet<string>;
  onChange: (keys: ReadonlySet<string>) => void;
  /** Names the row for its checkbox: `Select Core Banking Platform`. */
  rowLabel: (row: Row) => string;
}
