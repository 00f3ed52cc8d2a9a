/**
 * One build of a submission package. Off the event loop from the start: the drafting check (a
 * worker thread) and, as soon as each document's .docx is rendered, its PDF (LibreOffice in a child
 * process) while the next document renders. Then the round tables, the materials list, manifest.json
 * and the zip (entries in a fixed order, whatever order the parts finished in).
 *
 * A part that fails is recorded (progress and the manifest's `failures`) with its reason, and the
 * rest still goes in.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type {
  PackageCheck,
  PackageFailure,
  PackageFailureCode,
  PackageFile,
  PackageManifest,
  PackageSource,
} from '@shared/api/submissionPackage.js';
import { PACKAGE_MANIFEST_FORMAT } from '@shared/api/submissionPackage.js';
import type { ConsultationRound } from '@shared/domain/consultation.js';
import type { DocumentKind, Project, ProjectDocument } from '@shared/domain/project.js';
import type { StandardStage } from '@shared/editor/structure/names.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import type { ExportedDocument } from '../documents/DocumentExportService.js';
import { PdfConversionError } from '../pdf/conversionErrors.js';
import {
  DOCUMENT_ORDER,
  MANIFEST_PATH,
  MATERIALS_LIST_TITLE,
  documentPath,
  documentTitle,
  materialsListPath,
  packageFileName,
  roundPath,
  roundTitle,
} from './packageFileNames.js';
import { CHECK_TITLE, partIds, plannedParts } from './packageParts.js';
import { PackageProgress } from './PackageProgress.js';
import { packageZip } from './packageZip.js';
import { coverOfJSON, coverOfYDoc, planFields } from './planFields.js';
import type { CoverAttributes } from './planFields.js';
import type { BuildPackageInput, BuiltPackage, SubmissionPackageDeps } from './SubmissionPackageService.js';

interface Entry {
  file: PackageFile;
  data: Uint8Array;
}

type FailureWhat = Pick<PackageFailure, 'title' | 'material' | 'format' | 'documentId' | 'roundId'>;

const PDF_CODES: Record<PdfConversionError['reason'], PackageFailureCode> = {
  missing: 'office-missing',
  timeout: 'timeout',
  failed: 'conversion-failed',
  closed: 'error',
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A place in the zip's fixed order: documents (docx, pdf), rounds, then the materials list. */
function zipRank(file: PackageFile): string {
  const documentRank = DOCUMENT_ORDER.indexOf(file.material as DocumentKind);
  if (documentRank >= 0) return `1-${documentRank}-${file.format === 'docx' ? 0 : 1}`;
  if (file.material === 'consultation-table' && file.source.type === 'round')
    return `2-${String(file.source.roundNumber).padStart(4, '0')}-${file.format}`;
  return `3-${file.path}`;
}

export class PackageBuild {
  private readonly project: Project;
  private readonly stage: StandardStage;
  private readonly documents: ProjectDocument[];
  private readonly rounds: ConsultationRound[];
  private readonly progress: PackageProgress;
  private readonly generatedAt = new Date();
  private readonly entries: Entry[] = [];
  private readonly failures: PackageFailure[] = [];

  constructor(
    private readonly deps: SubmissionPackageDeps,
    private readonly input: BuildPackageInput,
    private readonly grant: ProjectGrant,
    private readonly versions: Map<string, string>,
  ) {
    this.project = grant.project;
    this.stage = input.stageLabel;
    this.documents = DOCUMENT_ORDER.flatMap((kind) => this.project.documents.filter((d) => d.kind === kind));
    this.rounds = deps.store
      .collection('consultationRounds')
      .findMany({ projectId: this.project.id })
      .sort((a, b) => a.number - b.number);
    this.progress = new PackageProgress(plannedParts(this.documents, this.rounds, this.stage), input.onProgress);
  }

  async run(): Promise<BuiltPackage> {
    const standard = this.documents.find((d) => d.kind === 'standard') ?? null;
    const checking = this.check(standard);
    const cover = this.standardCover(standard);
    const pdfSkipped = await this.pdfSkipped();
    const conversions: Promise<boolean>[] = [];
    for (const document of this.documents) {
      const docx = await this.renderDocx(document);
      if (!pdfSkipped) conversions.push(this.convert(document, docx));
    }
    await this.roundTables();
    const [check, coverAttributes, converted] = await Promise.all([checking, cover, Promise.all(conversions)]);

    const manifest = this.manifest(check, coverAttributes, pdfSkipped ?? this.pdfSummary(converted));
    await this.materialsList(manifest);
    this.progress.running(partIds.zip);
    const zip = packageZip(
      [
        ...this.entries.map((e) => ({ path: e.file.path, data: e.data })),
        { path: MANIFEST_PATH, data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
      ],
      this.generatedAt,
    );
    this.progress.done(partIds.zip, [MANIFEST_PATH]);
    return { zip, manifest, fileName: packageFileName(this.project.nameZh, this.stage) };
  }

  private add(path: string, data: Uint8Array, meta: Omit<PackageFile, 'path' | 'size' | 'sha256'>): PackageFile {
    const file: PackageFile = {
      path,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      ...meta,
    };
    this.entries.push({ file, data });
    this.entries.sort((a, b) => zipRank(a.file).localeCompare(zipRank(b.file)));
    return file;
  }

  /** Records a missing file (manifest) and logs it; the part's progress is the caller's. */
  private missing(partId: string, what: FailureWhat, code: PackageFailureCode, reason: string, error?: unknown): void {
    if (error !== undefined)
      this.deps.log.warn({ err: error, part: partId }, 'a part of a submission package could not be made');
    this.failures.push({ partId, ...what, code, reason });
  }

  private documentWhat(document: ProjectDocument, format: 'docx' | 'pdf'): FailureWhat {
    return {
      title: documentTitle(document.kind, this.stage),
      material: document.kind,
      format,
      documentId: document.id,
      roundId: null,
    };
  }

  private async renderDocx(document: ProjectDocument): Promise<ExportedDocument | null> {
    const partId = partIds.docx(document);
    this.progress.running(partId);
    try {
      const exported = await this.deps.documentExports.docx(this.grant, document.id, {
        versionId: this.versions.get(document.id),
        stageLabel: this.stage,
      });
      const file = this.add(documentPath(document.kind, this.project.nameZh, this.stage, 'docx'), exported.data, {
        title: documentTitle(document.kind, this.stage),
        material: document.kind,
        format: 'docx',
        source: { type: 'document', ...exported.source },
      });
      this.progress.done(partId, [file.path]);
      return exported;
    } catch (error) {
      this.missing(partId, this.documentWhat(document, 'docx'), 'error', messageOf(error), error);
      this.progress.failed(partId, 'error', messageOf(error));
      return null;
    }
  }

  /** The 征求意见汇总处理表 of every round, .docx and .xlsx. */
  private async roundTables(): Promise<void> {
    for (const round of this.rounds) {
      const partId = partIds.round(round);
      this.progress.running(partId);
      const source: PackageSource = {
        type: 'round',
        roundId: round.id,
        roundNumber: round.number,
        items: this.deps.store.collection('consultationItems').findMany({ roundId: round.id }).length,
        at: this.generatedAt.toISOString(),
      };
      const paths: string[] = [];
      const problems: string[] = [];
      for (const format of ['docx', 'xlsx'] as const) {
        const title = roundTitle(round.number);
        try {
          const grant = this.deps.access.groupRound(this.input.user, round.id);
          const { data } = await this.deps.consultationTables.file(grant, format, 'seq');
          paths.push(
            this.add(roundPath(round.number, format), data, { title, material: 'consultation-table', format, source })
              .path,
          );
        } catch (error) {
          problems.push(`${format}: ${messageOf(error)}`);
          const what: FailureWhat = {
            title,
            material: 'consultation-table',
            format,
            documentId: round.documentId,
            roundId: round.id,
          };
          this.missing(partId, what, 'error', messageOf(error), error);
        }
      }
      if (problems.length > 0) this.progress.failed(partId, 'error', problems.join('; '), paths);
      else this.progress.done(partId, paths);
    }
  }

  /** Fresh findings on the standard text as packaged: the version's state, else the live text. */
  private async check(standard: ProjectDocument | null): Promise<PackageCheck | null> {
    if (!standard) {
      this.progress.skipped(partIds.checker, 'no-source', 'the project has no standard text');
      return null;
    }
    this.progress.running(partIds.checker);
    try {
      const versionId = this.versions.get(standard.id) ?? null;
      let check: PackageCheck;
      if (versionId) {
        const { snapshot } = await this.deps.versions.content(versionId);
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, snapshot.state);
          const result = await this.deps.checker.check(doc, 'standard');
          check = { documentId: standard.id, versionId, ...result, checkedAt: new Date().toISOString() };
        } finally {
          doc.destroy();
        }
      } else {
        const grant = this.deps.access.viewableDocument(this.input.user, standard.id);
        const { findings, counts, checkedAt } = await this.deps.documentService.check(grant);
        check = { documentId: standard.id, versionId: null, findings, counts, checkedAt };
      }
      this.progress.done(partIds.checker, []);
      return check;
    } catch (error) {
      const what: FailureWhat = {
        title: CHECK_TITLE,
        material: 'standard',
        format: 'docx',
        documentId: standard.id,
        roundId: null,
      };
      this.missing(partIds.checker, what, 'error', messageOf(error), error);
      this.progress.failed(partIds.checker, 'error', messageOf(error));
      return null;
    }
  }

  /** The standard text's cover (for its numbers): the version's, else the live text's. */
  private async standardCover(standard: ProjectDocument | null): Promise<CoverAttributes | null> {
    if (!standard) return null;
    try {
      const versionId = this.versions.get(standard.id);
      if (versionId) return coverOfJSON((await this.deps.versions.content(versionId)).snapshot.json);
      return await this.deps.collab().readDocument(standard.id, coverOfYDoc);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'the standard text’s cover could not be read for a package');
      return null;
    }
  }

  /** Why no PDF is made at all (not asked for, LibreOffice missing), with every PDF part skipped; null to convert. */
  private async pdfSkipped(): Promise<PackageManifest['pdf'] | null> {
    let skip: { code: PackageFailureCode; reason: string } | null = null;
    if (this.input.pdf === false) skip = { code: 'not-requested', reason: 'PDF copies were not requested' };
    else {
      const status = await this.deps.pdf.status();
      if (!status.available) skip = { code: 'office-missing', reason: status.reason };
    }
    if (!skip) return null;
    for (const document of this.documents) {
      this.progress.skipped(partIds.pdf(document), skip.code, skip.reason);
      this.missing(partIds.pdf(document), this.documentWhat(document, 'pdf'), skip.code, skip.reason);
    }
    return { included: false, ...skip };
  }

  /** The PDF of a rendered document (false when it could not be made: recorded with its reason). */
  private async convert(document: ProjectDocument, docx: ExportedDocument | null): Promise<boolean> {
    const partId = partIds.pdf(document);
    const what = this.documentWhat(document, 'pdf');
    if (!docx) {
      const reason = 'the .docx could not be made, so there is no PDF either';
      this.progress.skipped(partId, 'no-source', reason);
      this.missing(partId, what, 'no-source', reason);
      return false;
    }
    this.progress.running(partId);
    try {
      const data = await this.deps.pdf.convert(docx.data, 'document.docx');
      const file = this.add(documentPath(document.kind, this.project.nameZh, this.stage, 'pdf'), data, {
        title: documentTitle(document.kind, this.stage),
        material: document.kind,
        format: 'pdf',
        source: { type: 'document', ...docx.source },
      });
      this.progress.done(partId, [file.path]);
      return true;
    } catch (error) {
      const code = error instanceof PdfConversionError ? PDF_CODES[error.reason] : 'error';
      this.missing(partId, what, code, messageOf(error), error);
      this.progress.failed(partId, code, messageOf(error));
      return false;
    }
  }

  /** The failures in the order of the parts (conversions may finish in any order). */
  private failuresInPartOrder(): PackageFailure[] {
    const order = new Map(this.progress.snapshot().map((part, index) => [part.id, index]));
    const rank = (f: PackageFailure): number => (order.get(f.partId) ?? order.size) * 2 + (f.format === 'xlsx' ? 1 : 0);
    return [...this.failures].sort((a, b) => rank(a) - rank(b));
  }

  private pdfSummary(converted: boolean[]): PackageManifest['pdf'] {
    if (converted.every(Boolean)) return { included: true, code: null, reason: null };
    const first = this.failures.find((f) => f.format === 'pdf');
    return { included: converted.some(Boolean), code: first?.code ?? 'error', reason: first?.reason ?? null };
  }

  private manifest(
    check: PackageCheck | null,
    cover: CoverAttributes | null,
    pdf: PackageManifest['pdf'],
  ): PackageManifest {
    const { user } = this.input;
    const { store } = this.deps;
    return {
      format: PACKAGE_MANIFEST_FORMAT,
      title: `提交材料：${this.project.nameZh}（${this.stage}）`,
      projectId: this.project.id,
      stageLabel: this.stage,
      generatedAt: this.generatedAt.toISOString(),
      generatedBy: {
        userId: user.id,
        name: user.name,
        organization: store.collection('organizations').get(user.organizationId)?.name ?? '',
      },
      plan: planFields(store, this.project, cover),
      files: this.entries.map((e) => e.file),
      failures: this.failuresInPartOrder(),
      pdf,
      check,
    };
  }

  /** 材料清单.docx of the files so far; then the manifest lists it too. */
  private async materialsList(manifest: PackageManifest): Promise<void> {
    this.progress.running(partIds.materialsList);
    try {
      const list = await this.deps.materialsList.docx(manifest);
      const file = this.add(materialsListPath(), list, {
        title: MATERIALS_LIST_TITLE,
        material: 'materials-list',
        format: 'docx',
        source: { type: 'package', at: this.generatedAt.toISOString() },
      });
      manifest.files = this.entries.map((e) => e.file);
      this.progress.done(partIds.materialsList, [file.path]);
    } catch (error) {
      const what: FailureWhat = {
        title: MATERIALS_LIST_TITLE,
        material: 'materials-list',
        format: 'docx',
        documentId: null,
        roundId: null,
      };
      this.missing(partIds.materialsList, what, 'error', messageOf(error), error);
      this.progress.failed(partIds.materialsList, 'error', messageOf(error));
    }
  }
}
