// The server refuses in English (for API clients) and says why in `details.reason`; the UI translates by
// that reason, so a Swedish user never reads the English sentence unless we have no words for the reason.

/** Reasons (AppError.details.reason) with a sentence under errors.reasons in every locale. */
export const REFUSAL_REASONS = [
  // parseBpmn and the body reader
  'TOO_LARGE',
  'DOCTYPE',
  'NOT_XML',
  'NOT_BPMN',
  'DUPLICATE_ID',
  'DANGLING_REFERENCE',
  // createFlowFromBpmn: the file read, but cannot be written back
  'UNWRITABLE_CONTENT',
  // saveRevision and mapFlowOrganisations: the base version is not the head
  'STALE_VERSION',
  'UNKNOWN_VERSION',
  // mapFlowOrganisations
  'UNKNOWN_POOL',
  'UNKNOWN_LANE',
  'UNKNOWN_ORGANISATION',
  'POOL_NOT_MAPPED',
  'ROLE_NOT_IN_ORGANISATION',
  // projectResponsibilities: a RACI entry or handover role not in a participating catalogue
  'UNKNOWN_ROLE',
  // the editor's own save call: a 2xx answer without a version
  'MISSING_VERSION',
  // live co-editing: pool rights and concurrent changes (lib/db/flows/commit-changes.ts)
  'OTHER_ORGANISATION',
  'FLOW_ADMIN_ONLY',
  'ELEMENT_REMOVED',
  'CONFLICT',
  'UNKNOWN_TYPE',
  'MISPLACED_ELEMENT',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Error codes that say enough on their own when no reason is given (errors.codes). */
export const TRANSLATED_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL'] as const;

/** What the UI knows about a refusal: the JSON error body, or an AppError's code, message and details. */
export type Refusal = {
  code?: string;
  message: string;
  reason?: string;
  elementIds?: unknown;
  line?: unknown;
  maxBytes?: unknown;
  headVersion?: unknown;
  baseVersion?: unknown;
};

/** Structural, so both useTranslations('errors') and getTranslations('errors') fit. */
type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

const SHOWN_IDS = 5;

/** The refusal in the UI language; unknown reasons get a generic sentence plus the server's own words. */
export function refusalMessage(t: Translate, refusal: Refusal): string {
  if (refusal.reason && (REFUSAL_REASONS as readonly string[]).includes(refusal.reason)) {
    return t(`reasons.${refusal.reason}`, paramsOf(refusal, t));
  }
  if (!refusal.reason && refusal.code && (TRANSLATED_CODES as readonly string[]).includes(refusal.code)) {
    return t(`codes.${refusal.code}`);
  }
  return t('unknownRefusal', { message: refusal.message });
}

function paramsOf(refusal: Refusal, t: Translate): Record<string, string | number> {
  const ids = Array.isArray(refusal.elementIds) ? refusal.elementIds.filter((id): id is string => typeof id === 'string') : [];
  const shown = ids.slice(0, SHOWN_IDS).map((id) => `”${id}”`).join(', ');
  const line = typeof refusal.line === 'number' ? refusal.line : 0;
  const maxBytes = typeof refusal.maxBytes === 'number' ? refusal.maxBytes : 0;
  return {
    ids: ids.length > SHOWN_IDS ? `${shown} ${t('moreIds', { count: ids.length - SHOWN_IDS })}` : shown,
    count: ids.length,
    line,
    where: line > 0 ? 'line' : 'unknown',
    megabytes: Math.round((maxBytes / (1024 * 1024)) * 10) / 10,
    headVersion: typeof refusal.headVersion === 'number' ? refusal.headVersion : '?',
    baseVersion: typeof refusal.baseVersion === 'number' ? refusal.baseVersion : '?',
  };
}

/** An AppError (server side: actions) as a Refusal. */
export function refusalOf(e: { code: string; message: string; details?: Record<string, unknown> }): Refusal {
  const details = e.details ?? {};
  return { ...details, code: e.code, message: e.message, reason: typeof details.reason === 'string' ? details.reason : undefined };
}
