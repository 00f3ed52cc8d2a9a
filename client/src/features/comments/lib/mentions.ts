/** Which members a comment's text names as `@name`. */

interface Named {
  userId: string;
  name: string;
}

/**
 * The members named as `@name` in a text. At each `@` the longest member name that follows counts,
 * so "@张三丰" mentions 张三丰, not also 张三 (a name that is a prefix of another's).
 */
export function mentionsIn(text: string, members: readonly Named[]): string[] {
  const byLength = members.filter((m) => m.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const member = byLength.find((m) => text.startsWith(m.name, at + 1));
    if (member) found.add(member.userId);
  }
  return [...found];
}
