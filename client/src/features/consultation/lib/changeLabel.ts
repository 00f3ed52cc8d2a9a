import type { HistoryEntryView } from '@shared/api/history';
import { changeRefOf, describeChangeRef } from '@shared/consultation/changeRef';

/** A history entry as the implementation picker lists it: when, who, which clauses, how much. */
export function changeLabel(entry: HistoryEntryView, time: string): string {
  const size = [entry.added > 0 ? `+${entry.added}` : '', entry.removed > 0 ? `−${entry.removed}` : '']
    .filter((part) => part.length > 0)
    .join(' ');
  const described = describeChangeRef(changeRefOf('', entry), time);
  return size ? `${described}（${size}）` : described;
}
