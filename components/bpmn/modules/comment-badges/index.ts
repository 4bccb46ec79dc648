import CommentBadges from './comment-badges';

/**
 * bpmn-js module: `commentBadges`, a count of open comment threads on each element. Modeler, Viewer
 * and present mode alike: `diagram.get('commentBadges').show([{ elementId, count }])`.
 */
const commentBadgesModule = {
  __init__: ['commentBadges'],
  commentBadges: ['type', CommentBadges],
};

export default commentBadgesModule;

export type { CommentBadge, CommentBadgesService } from './comment-badges';
