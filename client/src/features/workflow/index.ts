/**
 * The stage workflow in the browser: the project's progress (timeline, time, the live checklist of
 * the next gate, submissions, production checks), one submission as the bureau checks it, and the
 * bureau dashboard's pieces, the technical review. Pages compose them (ProjectDetailPage, SubmissionPage,
 * DashboardPage, ReviewPage).
 */
import './styles/workflow.css';

export { workflowApi } from './api/workflowApi';
export { DashboardTable } from './components/DashboardTable';
export { RecognitionTable } from './components/review/RecognitionTable';
export { ReviewDetail } from './components/review/ReviewDetail';
export { ProgressPanel } from './components/ProgressPanel';
export { StageChart } from './components/StageChart';
export { SubmissionDetail } from './components/SubmissionDetail';
export { SubmissionStatusTag } from './components/SubmissionStatusTag';
export { TextLockBanner } from './components/TextLockBanner';
export { WaitingList } from './components/WaitingList';
export { useDashboard } from './hooks/useDashboard';
export { useSubmission } from './hooks/useWorkflow';
export { useReview } from './hooks/useReviews';
