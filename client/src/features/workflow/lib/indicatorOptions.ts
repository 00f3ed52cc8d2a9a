import type { DocumentContentResponse } from '@shared/api/types';
import { indicatorValues, numberedTables } from '@shared/editor/structure/tableCells';

export interface IndicatorOption {
  value: string;
  label: string;
  /** The table it is in (`表1 性能要求`), to group the options. */
  table: string;
}

/** The values of the standard text's tables a production check can name: every identified cell with text. */
export function indicatorOptions({ content, numbering }: DocumentContentResponse): IndicatorOption[] {
  const tables = numberedTables(content, numbering);
  const options: IndicatorOption[] = [];
  for (const table of tables) {
    const values = indicatorValues([table]);
    for (const row of table.rows) {
      for (const cell of row) {
        const value = cell.id ? values[cell.id] : undefined;
        if (!cell.id || cell.header || !value || value.text === '' || value.place === table.label) continue;
        if (options.some((o) => o.value === cell.id)) continue;
        options.push({
          value: cell.id,
          label: `${value.place}：${value.text}`,
          table: `${table.label} ${table.caption}`,
        });
      }
    }
  }
  return options;
}
