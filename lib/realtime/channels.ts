// The PostgreSQL notification channels. Payloads carry ids only (NOTIFY allows 8,000 bytes); what
// changed is read from the database, which stays the only source of truth.
export const FLOW_CHANNEL = 'stafett_flow';
export const PRESENCE_CHANNEL = 'stafett_presence';
/** A workshop presentation moved or ended (issue 13). */
export const PRESENTATION_CHANNEL = 'stafett_presentation';

export type FlowNotice = { flowId: string; version: number };
export type PresenceNotice = { flowId: string };
export type PresentationNotice = { flowId: string; code: string };
/** A comment on the flow was added or changed: screens read the flow's comments again. */
export const COMMENT_CHANNEL = 'stafett_comment';
export type CommentNotice = { flowId: string };
