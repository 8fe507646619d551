/** Languages the editor colours (and, for JSON, checks). */
export type CodeLanguage = 'json' | 'yaml' | 'plaintext';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  /** The editor's accessible name: "Properties of Core Banking Platform (JSON)". */
  label: string;
  onChange?: ((value: string) => void) | undefined;
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
   * String literals to mark in the text (dotted underline) with a hover message: e.g. every
   * `"secret-vault://…"` value of a properties document, so a reference is not mistaken for the secret.
   */
  stringMarks?: readonly StringMark[] | undefined;
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
