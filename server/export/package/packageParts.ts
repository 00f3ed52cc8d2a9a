/** The parts of a package, in the order the dialog lists them (see PackageProgress). */
import type { ConsultationRound } from '@shared/domain/consultation.js';
import type { ProjectDocument } from '@shared/domain/project.js';
import type { StandardStage } from '@shared/editor/structure/names.js';
import { MATERIALS_LIST_TITLE, documentTitle, roundTitle } from './packageFileNames.js';
import type { PlannedPart } from './PackageProgress.js';

export const CHECK_TITLE = '标准文本编写检查';

export const partIds = {
  docx: (d: ProjectDocument) => `${d.kind}.docx`,
  pdf: (d: ProjectDocument) => `${d.kind}.pdf`,
  round: (r: ConsultationRound) => `round-${r.id}`,
  checker: 'checker',
  materialsList: 'materials-list',
  zip: 'zip',
} as const;

export function plannedParts(
  documents: readonly ProjectDocument[],
  rounds: readonly ConsultationRound[],
  stage: StandardStage,
): PlannedPart[] {
  const documentPart = (d: ProjectDocument, step: 'document' | 'pdf'): PlannedPart => ({
    id: step === 'document' ? partIds.docx(d) : partIds.pdf(d),
    step,
    documentKind: d.kind,
    roundNumber: null,
    title: step === 'document' ? documentTitle(d.kind, stage) : `${documentTitle(d.kind, stage)}（PDF）`,
  });
  const none = { documentKind: null, roundNumber: null } as const;
  return [
    ...documents.map((d) => documentPart(d, 'document')),
    ...rounds.map(
      (r): PlannedPart => ({
        id: partIds.round(r),
        step: 'round',
        documentKind: null,
        roundNumber: r.number,
        title: roundTitle(r.number),
      }),
    ),
    { id: partIds.checker, step: 'checker', documentKind: 'standard', roundNumber: null, title: CHECK_TITLE },
    ...documents.map((d) => documentPart(d, 'pdf')),
    { id: partIds.materialsList, step: 'materials-list', ...none, title: MATERIALS_LIST_TITLE },
    { id: partIds.zip, step: 'zip', ...none, title: 'manifest.json + zip' },
  ];
}
