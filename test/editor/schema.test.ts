import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import type { Node as PMNode, TagParseRule } from '@tiptap/pm/model';
import { documentExtensions } from '@shared/editor/extensions.js';
import { editorSchema } from '@shared/editor/schema.js';
import {
  numberingDecorations,
  computeNumberingOfNode,
  structureNumberingPlugin,
  getNumbering,
} from '@shared/editor/structure/index.js';
import { smallStandard } from './fixtures.js';
import type { NumberWidgetSpec } from '@shared/editor/structure/numberWidgets.js';

/** A stand-in for the few DOM element methods the attribute parsers use. */
function fakeElement(attributes: Record<string, string>): HTMLElement {
  const element = {
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
    querySelector: () => null,
    style: {},
  };
  return element as unknown as HTMLElement;
}

function toDOM(node: PMNode): unknown {
  return node.type.spec.toDOM?.(node);
}

function parseRule(typeName: string): TagParseRule {
  const rule = editorSchema().nodes[typeName]?.spec.parseDOM?.[0];
  if (!rule || !('tag' in rule)) throw new Error(`no tag rule for ${typeName}`);
  return rule;
}

describe('the shared schema', () => {
  it('builds headless in Node from the one extension list', () => {
    const schema = getSchema(documentExtensions());
    expect(schema.topNodeType.name).toBe('doc');
    expect(schema.nodes.clause?.spec.content).toBe('sectionTitle block* clause*');
    // An empty document is filled with a paragraph, not a cover.
    expect(schema.topNodeType.createAndFill()?.firstChild?.type.name).toBe('paragraph');
    // Old heading/paragraph content stays valid.
    expect(() =>
      schema
        .nodeFromJSON({
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '1 范围' }] },
            { type: 'paragraph' },
          ],
        })
        .check(),
    ).not.toThrow();
  });

  it('renders structural nodes with data-type and data-id and parses them back', () => {
    const schema = editorSchema();
    const clause = schema.nodes.clause!.create({ id: 'clauseId01' }, schema.nodes.sectionTitle!.create());
    expect(toDOM(clause)).toEqual([
      'section',
      { 'data-id': 'clauseId01', 'data-type': 'clause', class: 'gb-clause' },
      0,
    ]);
    const rule = parseRule('clause');
    expect(rule.tag).toBe('section[data-type="clause"]');
    const getAttrs = rule.getAttrs as (element: HTMLElement) => Record<string, unknown> | false;
    expect(getAttrs(fakeElement({ 'data-type': 'clause', 'data-id': 'clauseId01' }))).toMatchObject({
      id: 'clauseId01',
    });

    const chapter = schema.nodes.chapter!.create(
      { id: 'chapterId1', role: 'terms' },
      schema.nodes.sectionTitle!.create(),
    );
    expect(toDOM(chapter)).toEqual([
      'section',
      { 'data-id': 'chapterId1', 'data-role': 'terms', 'data-type': 'chapter', class: 'gb-chapter' },
      0,
    ]);
    const chapterAttrs = (parseRule('chapter').getAttrs as (element: HTMLElement) => Record<string, unknown>)(
      fakeElement({ 'data-id': 'chapterId1', 'data-role': 'not-a-role' }),
    );
    expect(chapterAttrs).toMatchObject({ id: 'chapterId1', role: 'other' });

    const crossRef = schema.nodes.crossRef!.create({ targetId: 'clauseId01' });
    expect(toDOM(crossRef)).toEqual([
      'span',
      { 'data-target-id': 'clauseId01', 'data-type': 'crossRef', class: 'gb-crossref' },
    ]);

    const list = schema.nodes.orderedList!.create({ listStyle: 'number' }, schema.nodes.listItem!.createAndFill()!);
    expect((toDOM(list) as [string, Record<string, unknown>])[1]).toMatchObject({ 'data-list-style': 'number' });
    expect(schema.nodes.bulletList!.create(null, schema.nodes.listItem!.createAndFill()!).attrs.listStyle).toBe('dash');
  });

  it('our paragraph-like nodes win over StarterKit’s generic <p> rule', () => {
    for (const name of ['note', 'caption', 'referenceEntry']) {
      const rule = parseRule(name);
      expect(rule.tag).toBe(`p[data-type="${name}"]`);
      expect(rule.priority).toBeGreaterThan(50);
    }
  });
});

describe('numbering decorations', () => {
  const doc = editorSchema().nodeFromJSON(smallStandard());
  const numbering = computeNumberingOfNode(doc);
  const decorations = numberingDecorations(doc, numbering).find();

  function widgetBefore(text: string): Decoration | undefined {
    let target = -1;
    doc.descendants((node, pos) => {
      if (target < 0 && node.isTextblock && node.textContent === text) target = pos + 1;
      return target < 0;
    });
    return decorations.find((d) => d.from === target && d.to === target && d.spec.shows !== undefined);
  }

  /** What a widget shows: its own number, or (owned by a node) its node's number in the numbering. */
  function shown(decoration: Decoration | undefined): string | undefined {
    if (!decoration) return undefined;
    const spec: NumberWidgetSpec = decoration.spec;
    if (spec.ownerId === null) return spec.shows;
    const item = numbering.byId[spec.ownerId];
    return `${spec.key.split('#')[0]}:${item?.label}:${item?.annexType ?? ''}`;
  }

  it('puts a number widget at the start of titles, captions, terms and notes', () => {
    expect(shown(widgetBefore('技术要求'))).toBe('chapter:4:');
    expect(shown(widgetBefore('304'))).toBe('clause:4.2.1.1.1.1:');
    expect(shown(widgetBefore('保温效能'))).toBe('tableBlock:表1:');
    expect(shown(widgetBefore('装置'))).toBe('figureBlock:图A.1:');
    expect(shown(widgetBefore('杯盖'))).toBe('termEntry:3.2:');
    expect(shown(widgetBefore('目视检查。'))).toBe('note:注1：:');
    expect(shown(widgetBefore('保温效能试验方法'))).toBe('annex:附录A:normative');
    expect(widgetBefore('GB 4806.1 食品安全国家标准 食品接触材料及制品通用安全要求')).toBeUndefined();
  });

  it('ties the widget of a node with an id to that node, not to its number (a renumbering keeps it)', () => {
    const table: NumberWidgetSpec | undefined = widgetBefore('保温效能')?.spec;
    expect(table?.key).toBe('tableBlock#tbPerf0001');
    expect(table?.ownerId).toBe('tbPerf0001');
    const note: NumberWidgetSpec | undefined = widgetBefore('目视检查。')?.spec;
    expect(note?.ownerId).toBeNull();
    expect(note?.key).toBe('note:注1：:');
  });

  it('labels cross-references through node attributes', () => {
    const labels: string[] = [];
    doc.descendants((node, pos) => {
      if (node.type.name !== 'crossRef') return true;
      const decoration = decorations.find((d) => d.from === pos && d.to === pos + 1);
      labels.push(
        (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-label'] ?? '',
      );
      return false;
    });
    expect(labels).toEqual(['表1', '4.2.1', '图1', '附录A', '［引用目标已删除］']);
  });

  it('the plugin recomputes only when the document changes', () => {
    const state = EditorState.create({ doc, plugins: [structureNumberingPlugin()] });
    const first = getNumbering(state);
    expect(first.byId.tbPerf0001?.label).toBe('表1');
    const same = state.apply(state.tr.setMeta('noop', true));
    expect(getNumbering(same)).toBe(first);
    const pos = doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize;
    const changed = state.apply(state.tr.delete(pos, pos + doc.child(3).nodeSize));
    expect(getNumbering(changed).byId.tbPerf0001?.parentId).toBe('clPerf0001');
    expect(getNumbering(changed).byId.chTech0001?.label).toBe('3');
  });
});
