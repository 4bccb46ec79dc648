/** What the parser can report: kept as a list so a test can check that every code has words in every locale. */
export const BPMN_WARNING_CODES = [
  'ENCODING',
  'UNKNOWN_CONTENT',
  'DUPLICATE_ID',
  'UNRESOLVED_REFERENCE',
  'DROPPED_FLOW',
  'DROPPED_SHAPE',
  'NO_DIAGRAM',
  'HIDDEN_PROCESS',
] as const;

/** Something an import kept quiet about: reported to the user, never fatal. */
export type BpmnWarningCode = (typeof BPMN_WARNING_CODES)[number];

export type BpmnWarning = { code: BpmnWarningCode; message: string; elementId?: string };
