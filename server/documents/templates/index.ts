/** Document templates for new projects: one per document kind. */
import type { DocumentKind } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { applicationReportTemplate } from './applicationReportTemplate.js';
import { explanationTemplate } from './explanationTemplate.js';
import { standardTemplate } from './standardTemplate.js';
import type { TemplateInput } from './types.js';

export type { TemplateInput } from './types.js';
export { standardTemplate } from './standardTemplate.js';
export { explanationTemplate } from './explanationTemplate.js';
export { applicationReportTemplate } from './applicationReportTemplate.js';

/** The title of each project document. */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  standard: '标准文本',
  explanation: '编制说明',
  'application-report': '实施应用报告',
};

const TEMPLATES: Record<DocumentKind, (input: TemplateInput) => ProseMirrorJSON> = {
  standard: standardTemplate,
  explanation: explanationTemplate,
  'application-report': applicationReportTemplate,
};

/**
 * The initial content of a new project's document of the given kind. Structural nodes carry
 * deterministic ids (the same for every project), so the documents of one project can point at
 * each other.
 */
export function documentTemplate(kind: DocumentKind, input: TemplateInput): ProseMirrorJSON {
  return TEMPLATES[kind](input);
}
