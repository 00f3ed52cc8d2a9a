/**
 * The large standards of the benchmarks and the checker's golden tests, built from the shared schema
 * builders and deterministic (a seeded generator, stable ids):
 * - `buildLargeStandard()`: a realistic ~100-page Zhejiang Made product standard — cover, foreword,
 *   9 chapters (~200 term entries, technical requirements whose leaf clauses are each linked to a
 *   test method in one of the ways drafters write it), ~500 clauses, 60 tables, 10 annexes,
 *   ~146,000 characters of text (~150,000 with the cross-references' labels), with a few drafting
 *   defects so that the checker has something to report (requirements.untested, terms.unused …);
 * - `buildDuplicatedStandard()`: the worst case measured in the issue — the demo standard with the
 *   clauses of chapters 5–6 duplicated (as copy and paste in the editor does: fresh ids, the copied
 *   cross-references still pointing at the originals): ~152,000 characters of text (~162,000 with the
 *   cross-references' labels), 2,149 clauses and 129 tables.
 * `standardToYjsUpdate(json)` writes a document into a fresh Y.Doc (schema-checked) and returns its
 * state as one update. `tsx bench/lib/largeStandard.ts --stats` prints the sizes.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { NODE } from '@shared/editor/structure/names.js';
import { writeJSONToYDoc, type ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { buildDuplicatedStandard, demoStandard } from './largeStandard/duplicated.js';
import { buildLargeStandard } from './largeStandard/generated.js';

export { buildDuplicatedStandard, demoStandard } from './largeStandard/duplicated.js';
export { buildLargeStandard } from './largeStandard/generated.js';
export { seededRandom } from './largeStandard/vocabulary.js';

/** The document written into a fresh Y.Doc (schema-checked), as one Yjs update. */
export function standardToYjsUpdate(json: ProseMirrorJSON): Uint8Array {
  const ydoc = new Y.Doc();
  writeJSONToYDoc(ydoc, json);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

export interface StandardStats {
  characters: number;
  clauses: number;
  tables: number;
  annexes: number;
  terms: number;
  crossRefs: number;
}

/** Sizes of a document: characters of text, and counts of its structural nodes. */
export function standardStats(json: ProseMirrorJSON): StandardStats {
  const stats: StandardStats = { characters: 0, clauses: 0, tables: 0, annexes: 0, terms: 0, crossRefs: 0 };
  const visit = (node: ProseMirrorJSON): void => {
    if (node.text !== undefined) stats.characters += node.text.length;
    if (node.type === NODE.clause) stats.clauses += 1;
    if (node.type === NODE.tableBlock) stats.tables += 1;
    if (node.type === NODE.annex) stats.annexes += 1;
    if (node.type === NODE.termEntry) stats.terms += 1;
    if (node.type === NODE.crossRef) stats.crossRefs += 1;
    for (const child of node.content ?? []) visit(child);
  };
  visit(json);
  return stats;
}

function printStats(): void {
  const rows: [string, ProseMirrorJSON][] = [
    ['demo', demoStandard()],
    ['large', buildLargeStandard()],
    ['duplicated', buildDuplicatedStandard()],
  ];
  for (const [name, json] of rows) {
    const bytes = standardToYjsUpdate(json).byteLength;
    console.log(name, JSON.stringify({ ...standardStats(json), yjsUpdateBytes: bytes }));
  }
}

if (process.argv.includes('--stats') && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printStats();
