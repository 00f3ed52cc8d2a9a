/**
 * Builds a project's submission package (提交材料) for a stage label: the three documents as .docx
 * (rendered by the document exports, from stored versions where given, else the live text) and
 * their PDF copies (LibreOffice, in child processes), the 征求意见汇总处理表 of every round
 * (.docx + .xlsx, the consultation exports), the drafting checker's findings on the standard text,
 * 材料清单.docx and manifest.json — one zip (PackageBuild.ts does one build).
 *
 * Only a caller without access (NotFound) or a bad request (Invalid) fails the whole build; a part
 * that fails is named with its reason in the manifest and the progress. `buildSubmissionPackage` is
 * what the stage workflow calls to package a 送审稿 / 报批稿.
 */
import type { PackageManifest, PackagePart } from '@shared/api/submissionPackage.js';
import type { Project } from '@shared/domain/project.js';
import type { StandardStage } from '@shared/editor/structure/names.js';
import type { AccessService } from '../../access/AccessService.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import type { CheckerPool } from '../../checker/CheckerPool.js';
import type { CollabServer } from '../../collab/CollabServer.js';
import { Invalid } from '../../domain/errors.js';
import type { Logger } from '../../logger.js';
import type { DocumentService } from '../../services/DocumentService.js';
import type { MetadataStore, UserRecord } from '../../storage/types.js';
import type { VersionService } from '../../versions/VersionService.js';
import type { DocumentExportService } from '../documents/DocumentExportService.js';
import type { PdfConverter } from '../pdf/PdfConverter.js';
import type { MaterialsListRenderer } from './MaterialsListRenderer.js';
import { PackageBuild } from './PackageBuild.js';
import type { ConsultationTableFiles } from './ports.js';

export interface BuildPackageInput {
  projectId: string;
  stageLabel: StandardStage;
  /** Per document id, the stored version to package (the stage workflow's frozen texts); others: the live text. */
  versions?: Record<string, string>;
  user: UserRecord;
  /** false leaves out the PDF copies (default true). */
  pdf?: boolean;
  /** Called on every change of a part (the job API's progress). */
  onProgress?: (parts: PackagePart[]) => void;
}

export interface BuiltPackage {
  zip: Uint8Array;
  manifest: PackageManifest;
  /** `提交材料-<standard name>（<stage>）.zip` */
  fileName: string;
}

export interface SubmissionPackageDeps {
  store: MetadataStore;
  access: AccessService;
  documentExports: DocumentExportService;
  documentService: DocumentService;
  versions: VersionService;
  checker: CheckerPool;
  collab: () => CollabServer;
  consultationTables: ConsultationTableFiles;
  pdf: PdfConverter;
  /** 材料清单.docx, rendered off the event loop. */
  materialsList: MaterialsListRenderer;
  log: Logger;
}

export class SubmissionPackageService {
  constructor(private readonly deps: SubmissionPackageDeps) {}

  /**
   * Throws what would make the whole build fail, before anything is built: NotFound for a project the
   * user cannot view, Invalid for a version that is not of a document of the project.
   */
  validate(input: Omit<BuildPackageInput, 'onProgress'>): void {
    this.prepare(input);
  }

  async buildSubmissionPackage(input: BuildPackageInput): Promise<BuiltPackage> {
    const { grant, versions } = this.prepare(input);
    return new PackageBuild(this.deps, input, grant, versions).run();
  }

  private prepare(input: Omit<BuildPackageInput, 'onProgress'>): {
    grant: ProjectGrant;
    versions: Map<string, string>;
  } {
    const grant = this.deps.access.viewableProject(input.user, input.projectId);
    return { grant, versions: this.checkedVersions(grant.project, input.versions ?? {}) };
  }

  /** The versions to package, each checked to be of a document of this project (Invalid otherwise). */
  private checkedVersions(project: Project, requested: Record<string, string>): Map<string, string> {
    const result = new Map<string, string>();
    for (const [documentId, versionId] of Object.entries(requested)) {
      if (!project.documents.some((d) => d.id === documentId))
        throw new Invalid('a version was given for a document of another project', [
          { path: `versions.${documentId}`, message: 'not a document of this project' },
        ]);
      const version = this.deps.versions.get(versionId);
      if (!version || version.documentId !== documentId)
        throw new Invalid('no such version of this document', [
          { path: `versions.${documentId}`, message: 'not a version of this document' },
        ]);
      result.set(documentId, versionId);
    }
    return result;
  }
}
