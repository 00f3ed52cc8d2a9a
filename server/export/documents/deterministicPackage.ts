/**
 * Byte-reproducible .docx files: the same input gives the same bytes. `docx` stamps the core
 * properties with the current time, writes the zip entries with the current time, and numbers
 * bookmarks and drawings from process-wide counters (so a second export in the same process would
 * number them differently). This rewrites the package: the core properties' dates and every zip
 * entry's time become `at`, and bookmark and drawing ids are renumbered in order of appearance.
 */
import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

const CORE = 'docProps/core.xml';
const DOCUMENT = 'word/document.xml';

/** W3C date-time without milliseconds, as Word writes it. */
function w3cDate(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fixCoreDates(xml: string, at: Date): string {
  return xml.replace(
    /<(dcterms:(?:created|modified))([^>]*)>[^<]*<\/dcterms:(?:created|modified)>/g,
    (_match, tag: string, attributes: string) => `<${tag}${attributes}>${w3cDate(at)}</${tag}>`,
  );
}

/** Renumbers the values of `attribute` on the elements matched by `element`, 1, 2 … in order of first appearance. */
function renumber(xml: string, pattern: RegExp): string {
  const ids = new Map<string, number>();
  return xml.replace(pattern, (_match, before: string, id: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = ids.size + 1;
      ids.set(id, next);
    }
    return `${before}${next}"`;
  });
}

function fixDocumentIds(xml: string): string {
  const bookmarks = renumber(xml, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g);
  return renumber(bookmarks, /(<(?:wp:docPr|pic:cNvPr)\b[^>]*?\bid=")(\d+)"/g);
}

export function reproduciblePackage(docx: Uint8Array, at: Date): Uint8Array {
  const files = unzipSync(docx);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    let content = data;
    if (path === CORE) content = encoder.encode(fixCoreDates(decoder.decode(data), at));
    if (path === DOCUMENT) content = encoder.encode(fixDocumentIds(decoder.decode(data)));
    zippable[path] = [content, { mtime: at }];
  }
  return zipSync(zippable, { level: 6 });
}
