/**
 * The GB/T 1.1—2020 document model (docs/document-model.md): nodes, ids, numbering, list styles and
 * commands. `structureExtensions()` is added to the one shared extension list (extensions.ts).
 */
import type { AnyExtension } from '@tiptap/core';
import { StandardDocument } from './document.js';
import { Bibliography, DraftingCredits, Foreword, StandardCover, TableOfContents } from './frontMatter.js';
import { Chapter } from './chapter.js';
import { Clause } from './clause.js';
import { Annex } from './annex.js';
import { SectionTitle } from './sectionTitle.js';
import { TermDefinition, TermEnglish, TermEntry, TermName } from './terms.js';
import { ReferenceEntry } from './referenceEntry.js';
import { TableBlock } from './tableBlock.js';
import { FigureBlock } from './figureBlock.js';
import { Caption } from './caption.js';
import { Note } from './note.js';
import { CrossRef } from './crossRef.js';
import { IndicatorRef } from './indicatorRef.js';
import { TableCellIds } from './tableCellIds.js';
import { ListStyles } from './listStyle.js';
import { StructureIds } from './structureIds.js';
import { StructureNumbering } from './structureNumbering.js';

/** Every extension of the document model (the `doc` node replaces StarterKit's). */
export function structureExtensions(): AnyExtension[] {
  return [
    StandardDocument,
    StandardCover,
    TableOfContents,
    Foreword,
    DraftingCredits,
    Chapter,
    Clause,
    Annex,
    Bibliography,
    SectionTitle,
    TermEntry,
    TermName,
    TermEnglish,
    TermDefinition,
    ReferenceEntry,
    TableBlock,
    FigureBlock,
    Caption,
    Note,
    CrossRef,
    IndicatorRef,
    TableCellIds,
    ListStyles,
    StructureIds,
    StructureNumbering,
  ];
}

export * from './names.js';
export * from './numbering.js';
export * from './referenceCode.js';
export { ensureStructureIds, generateId, deterministicId, ID_PATTERN } from './ids.js';
export { StructureIds, structureIdsPlugin, structureIdsPluginKey, isRemoteTransaction } from './structureIds.js';
export {
  StructureNumbering,
  structureNumberingPlugin,
  structureNumberingPluginKey,
  getNumbering,
  computeNumberingOfNode,
} from './structureNumbering.js';
export type { StructureNumberingStorage } from './structureNumbering.js';
export { numberingDecorations } from './numberingDecorations.js';
export { NUMBER_CLASS } from './numberWidgets.js';
export type { TableBlockOptions } from './commands/blockCommands.js';
export { sectionDeletionAt } from './commands/sectionEditCommands.js';
export type { SectionDeletion } from './commands/sectionEditCommands.js';
export { chapterPlacement } from './commands/sectionCommands.js';
export { sortedReferenceEntries } from './commands/referenceCommands.js';
