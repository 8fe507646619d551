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
}

export interface DiffEditorProps {
  original: string;
  modified: string;
  language: CodeLanguage;
  /** Names both sides: "<label>, before" and "<label>, after". */
  label: string;
  height: number | string;
}
