/**
 * The workflow's live data of a project: each loads from the API and refetches when the project's
 * event stream says it changed (and after a reconnection), so the progress page follows what
 * others do — a bureau's decision, a production check, edits that change the checklist.
 */
import type { ProjectEventType } from '@shared/api/events';
import type { SubmissionStageLabel } from '@shared/workflow/stages';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { useReloadOnProjectEvents } from '../../../realtime/useReloadOnProjectEvents';
import { workflowApi } from '../api/workflowApi';
import type {
  GateChecklist,
  ProductionCheckView,
  StageLogView,
  SubmissionView,
  WorkflowStatus,
} from '@shared/api/workflow';

const WORKFLOW_EVENTS: readonly ProjectEventType[] = ['workflow-changed', 'project-changed'];
/** Everything a gate item reads: documents and checks, consultation, the group, the workflow. */
const GATE_EVENTS: readonly ProjectEventType[] = [
  'gates-changed',
  'workflow-changed',
  'consultation-changed',
  'members-changed',
];

export function useWorkflowStatus(projectId: string): ApiQuery<WorkflowStatus> {
  const query = useApiQuery((signal) => workflowApi.status(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, [...WORKFLOW_EVENTS, 'consultation-changed'], query.reload);
  return query;
}

export function useStageLog(projectId: string): ApiQuery<StageLogView[]> {
  const query = useApiQuery((signal) => workflowApi.stageLog(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, WORKFLOW_EVENTS, query.reload);
  return query;
}

/** The checklist of the gate before `target` (none while there is no gate ahead). */
export function useGateChecklist(
  projectId: string,
  target: SubmissionStageLabel | null,
): ApiQuery<GateChecklist | null> {
  const query = useApiQuery(
    (signal) => (target ? workflowApi.gates(projectId, target, signal) : Promise.resolve(null)),
    [projectId, target],
  );
  useReloadOnProjectEvents(projectId, GATE_EVENTS, query.reload);
  return query;
}

export function useSubmissions(projectId: string): ApiQuery<SubmissionView[]> {
  const query = useApiQuery((signal) => workflowApi.submissions(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, WORKFLOW_EVENTS, query.reload);
  return query;
}

export function useProductionChecks(projectId: string): ApiQuery<ProductionCheckView[]> {
  const query = useApiQuery((signal) => workflowApi.productionChecks(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, WORKFLOW_EVENTS, query.reload);
  return query;
}

/** One submission, following its project's workflow events once it is loaded. */
export function useSubmission(submissionId: string): ApiQuery<SubmissionView> {
  const query = useApiQuery((signal) => workflowApi.submission(submissionId, signal), [submissionId]);
  useReloadOnProjectEvents(query.data?.projectId, WORKFLOW_EVENTS, query.reload);
  return query;
}
