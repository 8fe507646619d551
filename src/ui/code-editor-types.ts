/** Languages the editor colours (and, for JSON, checks). */
export type CodeLanguage = 'json' | 'yaml' | 'plaintext';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  /** The editor's accessible name: "Properties of Core Banking Platform (JSON)". */
  label: string;
  /**
   * The text as the user edits it: once typing pauses for `changeDelayMs`, and at once when the focus leaves
   * the editor, the page goes away or the editor closes. The editor keeps the text while the user types; a
   * new `value` from the owner replaces it.
   */
  onChange?: ((value: string) => void) | undefined;
  /**
   * How long typing must pause before `onChange` hears of it; 0 reports every change. A large document wants
   * a pause: reading the whole text on every keystroke costs a frame.
   * @default 0
   */
  changeDelayMs?: number | undefined;
  /** @default false */
  isReadOnly?: boolean;
  /** CSS height of the editor. */
  height: number | string;
  /**
   * For JSON: a JSON Schema the document is checked against (markers), with its descriptions as hover text
   * and its `examples`/`enum` values as completions. Applies to this editor only.
   */
  jsonSchema?: JsonSchemaObject | undefined;
  /**
   * For YAML: a JSON Schema the document is checked against (markers), with completion of its keys and
   * values and its descriptions as hover text (monaco-yaml). Applies to this editor only.
   */
  yamlSchema?: JsonSchemaObject | undefined;
  /** Snippets and values offered by completion (Ctrl+Space), besides the schema's. */
  completions?: CodeCompletions | undefined;
  /** Problems to mark on their lines (besides the schema's). */
  markers?: readonly CodeMarker[] | undefined;
  /**
   * The problems the language service marks (JSON or YAML syntax, the schema's), whenever they change, for
   * a page that lists them; `markers` are not among them.
   */
  onLanguageProblemsChange?: ((problems: readonly CodeMarker[]) => void) | undefined;
  /** Moves the cursor to a line and shows it; a new object each time (focus moves only when asked). */
  cursorRequest?: CodeCursorRequest | undefined;
  /** The line the user moved the cursor to (by keyboard, mouse or typing; not by `cursorRequest`). */
  onCursorLineChange?: ((line: number) => void) | undefined;
  /**
   * String literals to mark in the text (dotted underline) with a hover message: e.g. every
   * `"secret-vault://…"` value of a properties document, so a reference is not mistaken for the secret.
   */
  stringMarks?: readonly StringMark[] | undefined;
}

export interface CodeSnippet {
  /** What the completion list shows and filters by: "change step". */
  label: string;
  description: string;
  /** Monaco snippet syntax: `${1:placeholder}` tab stops; lines after the first keep the cursor's indent. */
  body: string;
}

export interface CodeCompletionValue {
  label: string;
  detail?: string | undefined;
}

export interface CodeCompletions {
  snippets: readonly CodeSnippet[];
  /**
   * The values to offer at a position (1-based line and column) of the text, and the column the value being
   * typed starts at (what a chosen value replaces); null: none here.
   */
  valuesAt?:
    | ((
        text: string,
        line: number,
        column: number,
      ) => { startColumn: number; values: readonly CodeCompletionValue[] } | null)
    | undefined;
}

export interface CodeMarker {
  /** 1-based. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeCursorRequest {
  /** 1-based. */
  line: number;
  /** Whether the editor takes the focus (the user asked for the line, e.g. clicked a step). */
  isFocused: boolean;
}

/** Marks every string literal starting with `prefix`; hovering one shows `hoverMessage` (Markdown). */
export interface StringMark {
  prefix: string;
  hoverMessage: string;
}

/** A JSON Schema (draft 7 or 2019-09, as Monaco's JSON language service reads it). */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

export interface DiffEditorProps {
  original: string;
  modified: string;
  language: CodeLanguage;
  /** Names both sides: "<label>, before" and "<label>, after" (or the side names below). */
  label: string;
  /** What the left and right sides are, for their accessible names: `['version 6', 'your edit']`. */
  sideNames?: readonly [string, string] | undefined;
  height: number | string;
}
