import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Fragment, Schema } from 'prosemirror-model';
import type { Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as upstream from '@tiptap/y-tiptap';
import { patchMappedIdentity } from '../../scripts/vite/yTiptapMappedIdentity';

type YTiptap = typeof upstream;

const schema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: { content: 'paragraph+ section*', attrs: { id: { default: null } } },
    paragraph: { content: 'text*' },
    text: {},
  },
});

function section(id: string, paragraphs: number): PMNode {
  const children = Array.from({ length: paragraphs }, (_, i) =>
    schema.node('paragraph', null, schema.text(`${id} ${i}`)),
  );
  return schema.node('section', { id }, children);
}

/** The code of the installed y-tiptap's ES module (what the client build bundles). */
function installedCode(): string {
  const file = createRequire(import.meta.url)
    .resolve('@tiptap/y-tiptap')
    .replace(/y-tiptap\.cjs$/, 'y-tiptap.js');
  return readFileSync(file, 'utf8');
}

/** The installed y-tiptap with the build's fix, loaded from a copy under node_modules (same yjs). */
async function patchedModule(): Promise<YTiptap> {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'y-tiptap-mapped-identity');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'y-tiptap.js');
  writeFileSync(out, patchMappedIdentity(installedCode()));
  return (await import(pathToFileURL(out).href)) as YTiptap;
}

/** Writes a 30-section document, then the same with a section inserted in the middle; counts attribute reads. */
function insertInMiddle(lib: YTiptap): { json: unknown; attributeReads: number } {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('default');
  const meta = { mapping: new Map(), isOMark: new Map() };
  const sections = Array.from({ length: 30 }, (_, i) => section(`s${i}`, 5));
  const before = schema.node('doc', null, sections);
  lib.updateYFragment(ydoc, fragment, before, meta);
  const after = before.copy(Fragment.from([...sections.slice(0, 10), section('new', 2), ...sections.slice(10)]));
  const reads = vi.spyOn(Y.XmlElement.prototype, 'getAttributes');
  lib.updateYFragment(ydoc, fragment, after, meta);
  const attributeReads = reads.mock.calls.length;
  reads.mockRestore();
  const result = lib.yXmlFragmentToProseMirrorRootNode(fragment, schema);
  expect(result.eq(after)).toBe(true);
  return { json: fragment.toJSON(), attributeReads };
}

/**
 * A chapter-like section holding 30 sections; then the text of a paragraph in its 21st section
 * changed (a keystroke); counts the Yjs text deltas read while writing the change.
 */
function typeInNestedSection(lib: YTiptap): { json: unknown; deltaReads: number } {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('default');
  const meta = { mapping: new Map(), isOMark: new Map() };
  const inner = Array.from({ length: 30 }, (_, i) => section(`s${i}`, 5));
  const title = schema.node('paragraph', null, schema.text('chapter'));
  const chapter = (sections: PMNode[]) => schema.node('section', { id: 'c' }, [title, ...sections]);
  const before = schema.node('doc', null, [section('first', 2), chapter(inner), section('last', 2)]);
  lib.updateYFragment(ydoc, fragment, before, meta);
  const typed = inner.map((s, i) =>
    i === 20 ? s.copy(s.content.replaceChild(2, schema.node('paragraph', null, schema.text('s20 2x')))) : s,
  );
  const after = schema.node('doc', null, [before.child(0), chapter(typed), before.child(2)]);
  const reads = vi.spyOn(Y.XmlText.prototype, 'toDelta');
  lib.updateYFragment(ydoc, fragment, after, meta);
  const deltaReads = reads.mock.calls.length;
  reads.mockRestore();
  expect(lib.yXmlFragmentToProseMirrorRootNode(fragment, schema).eq(after)).toBe(true);
  return { json: fragment.toJSON(), deltaReads };
}

describe('y-tiptap mapped identity (build-time fixes)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('applies to the installed y-tiptap and refuses code it does not know', () => {
    const code = installedCode();
    const patched = patchMappedIdentity(code);
    expect(patched).not.toBe(code);
    // A co-author's change no longer forgets the whole mapping (the other clearings stay).
    const clearings = (text: string) => text.split('this.mapping.clear();').length - 1;
    expect(clearings(patched)).toBe(clearings(code) - 1);
    expect(() => patchMappedIdentity('const x = 1;')).toThrow(/y-tiptap changed/);
  });

  it('writes the same Yjs content for a top-level insertion without walking the unchanged sections', async () => {
    const patched = await patchedModule();
    const fixed = insertInMiddle(patched);
    const original = insertInMiddle(upstream);
    expect(fixed.json).toEqual(original.json);
    // Upstream compares every anchored section deeply (30 sections); the fix only reads the new one's.
    expect(original.attributeReads).toBeGreaterThanOrEqual(30);
    expect(fixed.attributeReads).toBeLessThan(5);
  });

  it('writes the same Yjs content for a keystroke deep in a long section without comparing what precedes it', async () => {
    const patched = await patchedModule();
    const fixed = typeInNestedSection(patched);
    const original = typeInNestedSection(upstream);
    expect(fixed.json).toEqual(original.json);
    // Upstream reads the texts of the 20 sections before the changed one (5 paragraphs each, 130
    // reads); the fix only those of the changed section (17).
    expect(original.deltaReads).toBeGreaterThanOrEqual(100);
    expect(fixed.deltaReads).toBeLessThan(30);
  });
});
