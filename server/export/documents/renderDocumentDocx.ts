/**
 * The one entry point of the document export: a project document (standard text, drafting
 * explanation or application report) as a .docx laid out after GB/T 1.1—2020, from its structured
 * content and the one shared numbering. Byte-reproducible: the same input gives the same file
 * (`generatedAt` is the only time inside it).
 *
 * The renderers, one concern each: styles.ts (fonts, sizes, paragraph styles), pageSetup.ts (A4,
 * running header, page numbers), cover.ts / coverData.ts (封面), contents.ts (目次), foreword.ts
 * (前言), sections.ts (chapters, clauses, annexes), blocks.ts (the block dispatcher), paragraphs.ts,
 * lists.ts, tables.ts, figures.ts, notes.ts, terms.ts, backMatter.ts (参考文献, 终结线), inline.ts and
 * references.ts (text, cross-references, indicator links), standardDocx.ts and reportDocx.ts (the
 * documents), deterministicPackage.ts (reproducible bytes).
 */
import { Packer } from 'docx';
import { reproduciblePackage } from './deterministicPackage.js';
import type { DocumentExportInput } from './exportInput.js';
import { reportDocument } from './reportDocx.js';
import { standardDocument } from './standardDocx.js';

export type { DocumentExportInput } from './exportInput.js';

export async function renderDocumentDocx(input: DocumentExportInput): Promise<Uint8Array> {
  const document = input.kind === 'standard' ? standardDocument(input) : reportDocument(input, input.kind);
  const packed = await Packer.toBuffer(document);
  return reproduciblePackage(new Uint8Array(packed), input.generatedAt);
}
