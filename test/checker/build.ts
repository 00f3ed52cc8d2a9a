/**
 * Tiny builders of ProseMirror JSON in the document model (docs/document-model.md) for the checker
 * tests, and assertions on rule ids. Ids are generated (`n0000001` …) unless given.
 */
import { expect } from 'vitest';
import { runChecker } from '@shared/checker/runChecker.js';
import type { Finding } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import type { ChapterRole } from '@shared/editor/structure/names.js';
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

function inline(parts: readonly Inline[]): Json[] {
  return parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? { type: 'text', text: p } : p));
}

function withInline(type: string, parts: readonly Inline[], attrs?: Record<string, unknown>): Json {
  const node: Json = { type };
  if (attrs) node.attrs = attrs;
  const content = inline(parts);
  if (content.length > 0) node.content = content;
  return node;
}

export const p = (...parts: Inline[]): Json => withInline('paragraph', parts);
export const xref = (target: Json | string): Json => ({
  type: 'crossRef',
  attrs: { targetId: typeof target === 'string' ? target : idOf(target) },
});
export const note = (...parts: Inline[]): Json => withInline('note', parts);
const title = (text: string): Json => withInline('sectionTitle', [text]);

export function chapter(role: ChapterRole, heading: string, ...children: Json[]): Json {
  return { type: 'chapter', attrs: { id: nextId(), role }, content: [title(heading), ...children] };
}

export function clause(heading: string, ...children: Json[]): Json {
  return { type: 'clause', attrs: { id: nextId() }, content: [title(heading), ...children] };
}

export function annex(normative: 'normative' | 'informative', heading: string, ...children: Json[]): Json {
  return { type: 'annex', attrs: { id: nextId(), normative }, content: [title(heading), ...children] };
}

export function term(name: string, english: string, definition: string, ...notes: Json[]): Json {
  return {
    type: 'termEntry',
    attrs: { id: nextId() },
    content: [
      withInline('termName', [name]),
      withInline('termEnglish', [english]),
      withInline('termDefinition', [definition]),
      ...notes,
    ],
  };
}

export const reference = (text: string): Json => withInline('referenceEntry', [text], { id: nextId() });

export function table(caption: string, cells: readonly string[] = ['项目'], ...notes: Json[]): Json {
  const row: Json = {
    type: 'tableRow',
    content: cells.map((c) => ({
      type: 'tableCell',
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [p(c)],
    })),
  };
  return {
    type: 'tableBlock',
    attrs: { id: nextId() },
    content: [withInline('caption', [caption]), { type: 'table', content: [row] }, ...notes],
  };
}

/** A numbered table whose cells hold inline content (text, cross-references): one array per row, one per cell. */
export function tableWith(caption: string, rows: readonly (readonly (Inline | readonly Inline[])[])[]): Json {
  const cell = (content: Inline | readonly Inline[]): Json => ({
    type: 'tableCell',
    attrs: { colspan: 1, rowspan: 1, colwidth: null },
    content: [p(...(Array.isArray(content) ? content : [content]))],
  });
  return {
    type: 'tableBlock',
    attrs: { id: nextId() },
    content: [
      withInline('caption', [caption]),
      { type: 'table', content: rows.map((r) => ({ type: 'tableRow', content: r.map(cell) })) },
    ],
  };
}

export const figure = (caption: string): Json => ({
  type: 'figureBlock',
  attrs: { id: nextId(), src: '' },
  content: [withInline('caption', [caption])],
});

export type Item = string | { text: string; sublist: Json };

function items(list: readonly Item[]): Json[] {
  return list.map((item) =>
    typeof item === 'string'
      ? { type: 'listItem', content: [p(item)] }
      : { type: 'listItem', content: [p(item.text), item.sublist] },
  );
}

export const dashList = (list: readonly Item[], listStyle: string = 'dash'): Json => ({
  type: 'bulletList',
  attrs: { listStyle },
  content: items(list),
});
export const letterList = (list: readonly Item[], listStyle: string = 'letter'): Json => ({
  type: 'orderedList',
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
} as const;

export const cover = (attrs: Partial<Record<keyof typeof COMPLETE_COVER, string>> = {}): Json => ({
  type: 'standardCover',
  attrs: { ...COMPLETE_COVER, ...attrs },
});
export const foreword = (...blocks: Json[]): Json => ({ type: 'foreword', content: blocks });
export const bibliography = (...blocks: Json[]): Json => ({ type: 'bibliography', content: blocks });
export const doc = (...content: Json[]): Json => ({ type: 'doc', content });

export const REFERENCES_LEAD_IN =
  '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。';
export const TERMS_LEAD_IN = '下列术语和定义适用于本文件。';

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
