/**
 * Stable ids on table cells (`tableCell`, `tableHeader`), so that another document can point at one
 * value of a table: the drafting explanation's comparison table links its "本标准" column to the
 * requirement cells of the standard text (`indicatorRef`). The ids are kept unique by `StructureIds`
 * like those of the structural nodes (a split or copied cell gets a new one).
 */
import { Extension } from '@tiptap/core';
import { TABLE_CELL_TYPES } from './names.js';
import { idAttribute } from './attributes.js';

export const TableCellIds = Extension.create({
  name: 'tableCellIds',

  addGlobalAttributes() {
    return [{ types: [...TABLE_CELL_TYPES], attributes: { id: idAttribute() } }];
  },
});
