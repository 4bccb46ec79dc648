// @mentions are written as "@" followed by a person's full name or e-mail address (what the comment
// box inserts). Read on the server from the body, against the people who may see the flow, so a
// mention can neither reach someone outside the flow nor be claimed for someone not named.

export type MentionCandidate = { id: string; name: string; email: string };

export function mentionedIn(body: string, people: readonly MentionCandidate[]): string[] {
  const text = body.toLocaleLowerCase('sv');
  const found = new Set<string>();
  // Longest names first, so "@Eva Lind" does not also claim "@Eva".
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  for (const person of byLength) {
    for (const handle of [person.name, person.email]) {
      if (!handle.trim()) continue;
      if (hasMention(text, `@${handle.toLocaleLowerCase('sv')}`)) found.add(person.id);
    }
  }
  return [...found];
}

function hasMention(text: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + needle.length] ?? '';
    // A mention starts a word and ends one: "x@eva" is an address, "@evald" is someone else.
    if (!/[\p{L}\p{N}._-]/u.test(before) && !/[\p{L}\p{N}_-]/u.test(after)) return true;
    from = at + 1;
  }
}
