/**
 * Tiny builders of ProseMirror JSON in the document model (docs/document-model.md) for the checker
 * tests, on top of the shared builders (`@shared/editor/builders`), and assertions on rule ids.
 * Ids are generated (`n0000001` …) unless given. Unlike the shared builders, these leave list items
 * and notes as written (the checker must see what a drafter may type).
 */
import { expect } from 'vitest';
import { runChecker } from '@shared/checker/runChecker.js';
import type { Finding } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import {
  annex as annexNode,
  bibliography as bibliographyNode,
  chapter as chapterNode,
  clause as clauseNode,
  crossRef,
  doc as docNode,
  figureBlock,
  foreword as forewordNode,
  inlineNode,
  paragraph,
  referenceEntry,
  table as bareTable,
  termEntry,
  titled,
  type CellInput,
  type CoverFields,
} from '@shared/editor/builders/index.js';
import { NODE, type AnnexType, type ChapterRole } from '@shared/editor/structure/names.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';

type Json = ProseMirrorJSON;
export type Inline = string | Json;

let counter = 0;
function nextId(): string {
  counter += 1;
  return `n${String(counter).padStart(7, '0')}`;
}

export function idOf(node: Json): string {
  const id = node.attrs?.id;
  if (typeof id !== 'string') throw new Error(`${node.type} has no id`);
  return id;
}

export const p = (...parts: Inline[]): Json => paragraph(parts);
export const xref = (target: Json | string): Json => crossRef(typeof target === 'string' ? target : idOf(target));
export const note = (...parts: Inline[]): Json => inlineNode(NODE.note, parts);

export function chapter(role: ChapterRole, heading: string, ...children: Json[]): Json {
  return chapterNode(role, titled(heading, nextId()), ...children);
}

export function clause(heading: string, ...children: Json[]): Json {
  return clauseNode(titled(heading, nextId()), ...children);
}

export function annex(normative: AnnexType, heading: string, ...children: Json[]): Json {
  return annexNode(normative, titled(heading, nextId()), ...children);
}

export function term(name: string, english: string, definition: string, ...notes: Json[]): Json {
  const entry = termEntry(name, english, definition, [], nextId());
  return { ...entry, content: [...(entry.content ?? []), ...notes] };
}

export const reference = (text: string): Json => referenceEntry(text, nextId());

/** A numbered table of body cells only (no header row). */
function tableOf(caption: string, rows: readonly (readonly CellInput[])[], notes: readonly Json[]): Json {
  return {
    type: NODE.tableBlock,
    attrs: { id: nextId() },
    content: [inlineNode(NODE.caption, caption), bareTable(rows, { headerRows: 0 }), ...notes],
  };
}

export function table(caption: string, cells: readonly string[] = ['项目'], ...notes: Json[]): Json {
  return tableOf(caption, [cells], notes);
}

/** A numbered table whose cells hold inline content (text, cross-references): one array per row, one per cell. */
export function tableWith(caption: string, rows: readonly (readonly (Inline | readonly Inline[])[])[]): Json {
  return tableOf(
    caption,
    rows.map((row) => row.map((content) => ({ content }))),
    [],
  );
}

export const figure = (caption: string): Json => figureBlock(caption, '', nextId());

export type Item = string | { text: string; sublist: Json };

function items(list: readonly Item[]): Json[] {
  return list.map((item) =>
    typeof item === 'string'
      ? { type: NODE.listItem, content: [p(item)] }
      : { type: NODE.listItem, content: [p(item.text), item.sublist] },
  );
}

export const dashList = (list: readonly Item[], listStyle: string = 'dash'): Json => ({
  type: NODE.bulletList,
  attrs: { listStyle },
  content: items(list),
});
export const letterList = (list: readonly Item[], listStyle: string = 'letter'): Json => ({
  type: NODE.orderedList,
  attrs: { listStyle },
  content: items(list),
});

export const COMPLETE_COVER = {
  ics: '97.040.60',
  ccs: 'Y 29',
  standardNumber: 'T/ZZB 0123—2026',
  registrationNumber: '',
  titleZh: '不锈钢保温杯',
  titleEn: 'Stainless steel vacuum cup',
  publicationDate: '2026-03-01',
  implementationDate: '2026-04-01',
  publisher: '浙江省质量协会',
  stage: '征求意见稿',
} as const satisfies CoverFields;

/** A cover: the complete one with `attrs` changed (any string, so the checker sees invalid values too). */
export const cover = (attrs: Partial<Record<keyof typeof COMPLETE_COVER, string>> = {}): Json => ({
  type: NODE.standardCover,
  attrs: { ...COMPLETE_COVER, ...attrs },
});
export const foreword = (...blocks: Json[]): Json => forewordNode(...blocks);
export const bibliography = (...blocks: Json[]): Json => bibliographyNode(...blocks);
export const doc = (...content: Json[]): Json => docNode(...content);

export function findings(json: Json, kind: DocumentKind = 'standard'): Finding[] {
  return runChecker(json, kind).findings;
}

export function findingsOf(json: Json, ruleId: string, kind: DocumentKind = 'standard'): Finding[] {
  return findings(json, kind).filter((f) => f.ruleId === ruleId);
}

/** Asserts that `ruleId` is reported on `json` (and returns its findings). */
export function expectRule(json: Json, ruleId: string, kind: DocumentKind = 'standard'): Finding[] {
  const found = findingsOf(json, ruleId, kind);
  expect(
    found.length,
    `${ruleId} expected; got ${findings(json, kind)
      .map((f) => f.ruleId)
      .join(', ')}`,
  ).toBeGreaterThan(0);
  return found;
}

/** Asserts that `ruleId` is not reported on `json`. */
export function expectNoRule(json: Json, ruleId: string, kind: DocumentKind = 'standard'): void {
  const found = findingsOf(json, ruleId, kind);
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
}
