// Apart from organisation-links.ts (which reaches the database), so a unit test can read the list.

/** Notices an import adds to the parser's (BPMN_WARNING_CODES); the import page words each by its code. */
export const IMPORT_ONLY_WARNING_CODES = ['UNKNOWN_ORGANISATION', 'UNKNOWN_ROLE', 'GENERATED_DIAGRAM'] as const;
export type ImportOnlyWarningCode = (typeof IMPORT_ONLY_WARNING_CODES)[number];
