// An accepted suggestion is committed with a revision message naming it ("… (kommentar <id>)", see
// lib/comments/comment-service.ts): the history reads the id back to link to the suggestion.

export function suggestionMessage(authorName: string, name: string, commentId: string): string {
  return `Förslag från ${authorName} accepterat: ”${name}” (kommentar ${commentId})`;
}

export function suggestionIdIn(message: string | null | undefined): string | null {
  return /\(kommentar ([A-Za-z0-9_-]{1,64})\)$/.exec(message ?? '')?.[1] ?? null;
}
