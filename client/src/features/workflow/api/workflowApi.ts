import { http } from '../../../api/http';
import type { DocumentContentResponse, ProjectListItem } from '@shared/api/types';
import type {
  DashboardResponse,
  GateChecklist,
  ProductionCheckView,
  StageLogView,
  SubmissionView,
  WorkflowStatus,
} from '@shared/api/workflow';
import type { DocumentVersionView } from '@shared/domain/versions';
import type { DraftingCredits } from '@shared/domain/draftingCredits';
import type { ProseMirrorJSON } from '@shared/editor/json';
import type { SubmissionStageLabel } from '@shared/workflow/stages';
import type { DecisionBody, ProductionCheckBody, StageMoveBody } from '@shared/validation/workflow';

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;
const submission = (id: string) => `/api/submissions/${encodeURIComponent(id)}`;

/** A frozen version's content (GET /api/documents/:id/versions/:versionId). */
export interface VersionContent {
  version: DocumentVersionView;
  content: ProseMirrorJSON;
  draftingCredits: DraftingCredits | null;
}

/** The workflow's requests: where a project stands, its gate, submissions and the bureaus' check, production checks, dashboard. */
export const workflowApi = {
  status: (projectId: string, signal?: AbortSignal) =>
    http.get<WorkflowStatus>(`${project(projectId)}/workflow`, { signal }),
  gates: (projectId: string, target: SubmissionStageLabel, signal?: AbortSignal) =>
    http.get<GateChecklist>(`${project(projectId)}/gates?target=${encodeURIComponent(target)}`, { signal }),
  stageLog: (projectId: string, signal?: AbortSignal) =>
    http.get<StageLogView[]>(`${project(projectId)}/stage-log`, { signal }),
  moveStage: (projectId: string, body: StageMoveBody) =>
    http.post<ProjectListItem>(`${project(projectId)}/stage`, body),
  submissions: (projectId: string, signal?: AbortSignal) =>
    http.get<SubmissionView[]>(`${project(projectId)}/submissions`, { signal }),
  submit: (projectId: string, stageLabel: SubmissionStageLabel) =>
    http.post<SubmissionView>(`${project(projectId)}/submissions`, { stageLabel }),
  submission: (id: string, signal?: AbortSignal) => http.get<SubmissionView>(submission(id), { signal }),
  decide: (id: string, body: DecisionBody) => http.post<SubmissionView>(`${submission(id)}/decision`, body),
  packageUrl: (id: string) => `${submission(id)}/package`,
  productionChecks: (projectId: string, signal?: AbortSignal) =>
    http.get<ProductionCheckView[]>(`${project(projectId)}/production-checks`, { signal }),
  recordProductionCheck: (projectId: string, body: ProductionCheckBody) =>
    http.post<ProductionCheckView>(`${project(projectId)}/production-checks`, body),
  dashboard: (signal?: AbortSignal) => http.get<DashboardResponse>('/api/dashboard', { signal }),
  /** The live standard text with its numbering (the indicators a production check picks from). */
  content: (documentId: string, signal?: AbortSignal) =>
    http.get<DocumentContentResponse>(`/api/documents/${encodeURIComponent(documentId)}/content`, { signal }),
  version: (documentId: string, versionId: string, signal?: AbortSignal) =>
    http.get<VersionContent>(
      `/api/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(versionId)}`,
      { signal },
    ),
};
