/** What a flow form's server action answers when it does not redirect: errors per field, already translated. */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; fieldErrors: Record<string, string>; formError?: string };

export const IDLE: FormState = { status: 'idle' };

export type ImportedWarning = { code: string; text: string; element?: string };

/** The import form also answers with what was imported and what the import changed. */
export type ImportState =
  | FormState
  | { status: 'imported'; id: string; name: string; version: number; warnings: ImportedWarning[]; noDiagram: boolean };

/** The mapping form answers with the new version once saved. */
export type MappingState = FormState | { status: 'saved'; version: number };
