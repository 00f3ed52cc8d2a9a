/**
 * The plan fields the bureau files a submission under: from the project (plan number and batch,
 * names, lead unit, publishing body) and from the standard text's cover (standard number,
 * registration number — assigned late, '' until then). The cover is read on its own, never by
 * converting the whole (possibly 100-page) document.
 */
import * as Y from 'yjs';
import type { PackagePlanFields } from '@shared/api/submissionPackage.js';
import type { Project } from '@shared/domain/project.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { MetadataStore } from '../../storage/types.js';

export type CoverAttributes = Record<string, unknown>;

/** The cover's attributes of a document's content (the cover is a top-level part), or null. */
export function coverOfJSON(doc: ProseMirrorJSON): CoverAttributes | null {
  return doc.content?.find((node) => node.type === NODE.standardCover)?.attrs ?? null;
}

/** The cover's attributes of a live document, read from its Yjs tree, or null. */
export function coverOfYDoc(doc: Y.Doc): CoverAttributes | null {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === NODE.standardCover) return node.getAttributes();
  }
  return null;
}

function coverText(cover: CoverAttributes | null, field: string): string {
  const value = cover?.[field];
  return typeof value === 'string' ? value.trim() : '';
}

export function planFields(store: MetadataStore, project: Project, cover: CoverAttributes | null): PackagePlanFields {
  return {
    planNumber: project.planNumber,
    planBatch: project.planBatch,
    standardName: project.nameZh,
    standardNameEn: project.nameEn,
    leadUnit: store.collection('organizations').get(project.leadOrganizationId)?.name ?? '',
    standardNumber: coverText(cover, 'standardNumber'),
    registrationNumber: coverText(cover, 'registrationNumber'),
    publishingBody: project.publishingBody,
  };
}
