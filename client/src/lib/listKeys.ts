/** React keys for list items that have no id of their own. */

export interface Keyed<T> {
  key: string;
  item: T;
}

/** Each item with a key made from what identifies it; an identity seen again gets a running number. */
export function withKeys<T>(items: readonly T[], identity: (item: T) => string): Keyed<T>[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = identity(item);
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return { key: count === 0 ? key : `${key}#${count}`, item };
  });
}
