/** Something an import kept quiet about: reported to the user, never fatal. */
export type BpmnWarningCode =
  | 'ENCODING'
  | 'UNKNOWN_CONTENT'
  | 'DUPLICATE_ID'
  | 'UNRESOLVED_REFERENCE'
  | 'DROPPED_FLOW'
  | 'DROPPED_SHAPE'
  | 'NO_DIAGRAM';

export type BpmnWarning = { code: BpmnWarningCode; message: string; elementId?: string };
