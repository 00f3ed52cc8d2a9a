/**
 * The submission package (提交材料): one .zip with the standard text, the drafting explanation and the
 * application report (.docx, and .pdf when LibreOffice is on the server), the 征求意见汇总处理表 of
 * every consultation round (.docx + .xlsx), `材料清单.docx` and `manifest.json` (a `PackageManifest`).
 * Built by GET /api/projects/:id/package (scripts) or a package job with progress (the dialog).
 */
import type { Finding } from '../checker/types.js';
import type { DocumentKind } from '../domain/project.js';
import type { StandardStage } from '../editor/structure/names.js';

/** The manifest's format version (changes when its shape does). */
export const PACKAGE_MANIFEST_FORMAT = 'zm-submission-package/1';

/** What a file of the package was made from. */
export type PackageSource =
  /** A document: a stored version (`versionId`), or the live text (`versionId: null`), named by its state hash. */
  | { type: 'document'; documentId: string; versionId: string | null; stateHash: string; at: string }
  /** A consultation round's table as it was when the package was built. */
  | { type: 'round'; roundId: string; roundNumber: number; items: number; at: string }
  /** Made by the package itself (the materials list). */
  | { type: 'package'; at: string };

export type PackageFileFormat = 'docx' | 'pdf' | 'xlsx';

/** What a file is: one of the three documents, a round's table, or the materials list. */
export type PackageMaterial = DocumentKind | 'consultation-table' | 'materials-list';

export interface PackageFile {
  /** The file's name in the zip. */
  path: string;
  /** 标准文本 / 编制说明 / 实施应用报告 / 征求意见汇总处理表（第1轮） / 材料清单 */
  title: string;
  material: PackageMaterial;
  format: PackageFileFormat;
  size: number;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string;
  source: PackageSource;
}

/**
 * Why a part is missing: LibreOffice is not installed (`office-missing`), PDFs were not asked for
 * (`not-requested`), a conversion timed out or failed, the .docx it would be made from is missing
 * (`no-source`), or making the file failed (`error`).
 */
export type PackageFailureCode =
  | 'office-missing'
  | 'not-requested'
  | 'timeout'
  | 'conversion-failed'
  | 'no-source'
  | 'error';

/** A file that is not in the package, and why. */
export interface PackageFailure {
  /** The part (see `PackagePart.id`). */
  partId: string;
  title: string;
  material: PackageMaterial;
  format: PackageFileFormat;
  documentId: string | null;
  roundId: string | null;
  code: PackageFailureCode;
  /** The server's explanation (English, as error messages are). */
  reason: string;
}

/** The project's plan fields, as the bureau files them. */
export interface PackagePlanFields {
  planNumber: string;
  planBatch: string;
  standardName: string;
  standardNameEn: string;
  leadUnit: string;
  /** From the standard text's cover (`T/ZZB NNNN—YYYY`); '' while not assigned. */
  standardNumber: string;
  /** From the standard text's cover (`ZZB □XXXX-YYYY`); '' while not assigned. */
  registrationNumber: string;
  publishingBody: string;
}

/** The drafting checker's findings on the standard text as packaged (never left out). */
export interface PackageCheck {
  documentId: string;
  versionId: string | null;
  counts: { errors: number; warnings: number };
  findings: Finding[];
  checkedAt: string;
}

/** `manifest.json` in the zip. */
export interface PackageManifest {
  format: typeof PACKAGE_MANIFEST_FORMAT;
  /** 提交材料：<standard name>（<stage label>） */
  title: string;
  projectId: string;
  stageLabel: StandardStage;
  generatedAt: string;
  generatedBy: { userId: string; name: string; organization: string };
  plan: PackagePlanFields;
  /** Every file of the zip except manifest.json itself, in zip order. */
  files: PackageFile[];
  /** The files that should be there and are not, each with its reason. */
  failures: PackageFailure[];
  /** Whether PDF copies of the three documents were made; if not, why (`code`, `reason`). */
  pdf: { included: boolean; code: PackageFailureCode | null; reason: string | null };
  /** null when the check itself failed (a failure with `partId: 'checker'` says why). */
  check: PackageCheck | null;
}

export type PackagePartStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** One step of building a package, as the dialog shows it. */
export interface PackagePart {
  /** `standard.docx`, `standard.pdf`, `round-<roundId>`, `checker`, `materials-list`, `zip` … */
  id: string;
  /** `document` (a .docx), `pdf`, `round` (.docx + .xlsx), `checker`, `materials-list`, `zip` */
  step: 'document' | 'pdf' | 'round' | 'checker' | 'materials-list' | 'zip';
  /** The document of `document`/`pdf`/`checker` steps. */
  documentKind: DocumentKind | null;
  /** The round of a `round` step. */
  roundNumber: number | null;
  title: string;
  status: PackagePartStatus;
  /** Why it failed or was skipped (`code` as in the manifest's failures). */
  code: PackageFailureCode | null;
  reason: string | null;
  /** Paths of the files this part put in the zip. */
  files: string[];
}

export type PackageJobStatus = 'running' | 'done' | 'failed';
/** Why a job failed where the client words it itself: `lost` — the server building it stopped. */
export type PackageJobFailure = 'lost';

/** POST /api/projects/:id/package-jobs, GET …/package-jobs/:jobId */
export interface PackageJobView {
  id: string;
  projectId: string;
  stageLabel: StandardStage;
  status: PackageJobStatus;
  parts: PackagePart[];
  createdAt: string;
  finishedAt: string | null;
  /** The job and its zip are forgotten after this time. */
  expiresAt: string;
  /** Why the whole job failed (status `failed`); single parts fail in `parts` and the manifest instead. */
  error: string | null;
  /** Set when the failure is one the client explains in its own words (`error` is then for logs). */
  failure: PackageJobFailure | null;
  /** Once done: the zip's name and size (GET …/package-jobs/:jobId/download), and its manifest. */
  download: { fileName: string; size: number } | null;
  manifest: PackageManifest | null;
}
