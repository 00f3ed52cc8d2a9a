/**
 * The navigable structure of a document: the numbered sections (chapters, clauses, annexes) from the
 * numbering, interleaved with the unnumbered parts (foreword, bibliography), each with its position.
 * Documents without sections fall back to their headings. Pure (no DOM): used by the outline sidebar
 * and the generated contents (目次).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { NODE, SECTION_NODE_TYPES } from '@shared/editor/structure/names';
import type { AnnexType } from '@shared/editor/structure/names';
import type { Numbering } from '@shared/editor/structure/numberingTypes';

export type OutlineKind = 'chapter' | 'clause' | 'annex' | 'foreword' | 'bibliography' | 'heading';

export interface OutlineEntry {
  /**
   * Unique within the list and stable while the structure does not change (the stable id where
   * there is one, else the place in the list): text edits keep it, so do positions moving.
   */
  key: string;
  kind: OutlineKind;
  /** `5.1`, `附录A`; `''` for unnumbered parts and headings. */
  label: string;
  title: string;
  /** 1 for chapters, annexes and unnumbered parts; clause 5.1 is 2; a heading's level. */
  depth: number;
  /** Position before the node when the entries were built (`entryPosition` gives the current one). */
  pos: number;
  /** The node's stable id (`''` when it has none). */
  id: string;
  annexType?: AnnexType;
  /** The section lies inside an annex. */
  inAnnex: boolean;
}

const SECTION_TYPES = new Set<string>(SECTION_NODE_TYPES);
const UNNUMBERED_TITLES: Record<string, string> = { [NODE.foreword]: '前言', [NODE.bibliography]: '参考文献' };

interface SectionSpot {
  pos: number;
  inAnnex: boolean;
  /** Set for an unnumbered part. */
  part?: 'foreword' | 'bibliography';
}

/** Sections and unnumbered parts in document order (sections only occur at the top level or in sections). */
function collectSpots(doc: PMNode): SectionSpot[] {
  const spots: SectionSpot[] = [];
  const visit = (parent: PMNode, start: number, inAnnex: boolean): void => {
    parent.forEach((child, offset) => {
      const pos = start + offset;
      const name = child.type.name;
      if (SECTION_TYPES.has(name)) {
        const annex = inAnnex || name === NODE.annex;
        spots.push({ pos, inAnnex: annex });
        visit(child, pos + 1, annex);
      } else if (name === NODE.foreword || name === NODE.bibliography) {
        spots.push({ pos, inAnnex: false, part: name });
      }
    });
  };
  visit(doc, 0, false);
  return spots;
}

function headingEntries(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      const level = typeof node.attrs.level === 'number' ? node.attrs.level : 1;
      entries.push({
        key: `h:${entries.length}`,
        kind: 'heading',
        label: '',
        title: node.textContent,
        depth: level,
        pos,
        id: '',
        inAnnex: false,
      });
      return false;
    }
    return !node.isTextblock && node.type.name !== 'table';
  });
  return entries;
}

/** The outline of `doc` (its numbering computed from the same doc). */
export function outlineEntries(doc: PMNode, numbering: Numbering): OutlineEntry[] {
  const spots = collectSpots(doc);
  const entries: OutlineEntry[] = [];
  let next = 0;
  for (const [index, spot] of spots.entries()) {
    if (spot.part) {
      entries.push({
        key: `part:${spot.part}:${index}`,
        kind: spot.part,
        label: '',
        title: UNNUMBERED_TITLES[spot.part] ?? '',
        depth: 1,
        pos: spot.pos,
        id: '',
        inAnnex: false,
      });
      continue;
    }
    const item = numbering.outline[next++];
    if (!item) continue;
    entries.push({
      key: item.id || `section:${index}`,
      kind: item.kind === 'annex' ? 'annex' : item.kind === 'chapter' ? 'chapter' : 'clause',
      label: item.label,
      title: item.title,
      depth: item.depth,
      pos: spot.pos,
      id: item.id,
      annexType: item.annexType,
      inAnnex: spot.inAnnex,
    });
  }
  const numbered = entries.some(
    (entry) => entry.kind === 'chapter' || entry.kind === 'clause' || entry.kind === 'annex',
  );
  return numbered ? entries : headingEntries(doc);
}

/** 目次 (GB/T 1.1): foreword, chapters, first-level clauses of chapters, annexes, bibliography; never terms. */
export function contentsEntries(entries: readonly OutlineEntry[]): OutlineEntry[] {
  return entries.filter((entry) => {
    if (entry.kind === 'clause') return entry.depth === 2 && !entry.inAnnex;
    return entry.kind !== 'heading';
  });
}
