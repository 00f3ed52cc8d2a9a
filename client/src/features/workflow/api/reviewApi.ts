import { http } from '../../../api/http';
import type {
  OpenReviewResponse,
  ProjectReviews,
  PublicationView,
  RecognitionRow,
  ReviewView,
} from '@shared/api/reviews';
import type { PeriodicReview } from '@shared/workflow/publication';
import type { ReviewComment } from '@shared/workflow/reviews';
import type {
  OpenReviewBody,
  OpinionBody,
  ReviewCommentBody,
  PeriodicReviewBody,
  PublicationBody,
  ReviewCommentDecisionBody,
} from '@shared/validation/reviews';

const review = (id: string) => `/api/reviews/${encodeURIComponent(id)}`;
const reviews = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/reviews`;

/** The technical review's requests (技术审评: open, opinion, comments, close, decisions, exports) and the publication (发布与认定). */
export const reviewApi = {
  list: (projectId: string, signal?: AbortSignal) => http.get<ProjectReviews>(reviews(projectId), { signal }),
  open: (projectId: string, body: OpenReviewBody) => http.post<OpenReviewResponse>(reviews(projectId), body),
  get: (id: string, signal?: AbortSignal) => http.get<ReviewView>(review(id), { signal }),
  recordOpinion: (id: string, body: OpinionBody) => http.put<ReviewView>(`${review(id)}/opinion`, body),
  addComment: (id: string, body: ReviewCommentBody) => http.post<ReviewComment>(`${review(id)}/comments`, body),
  close: (id: string) => http.post<ReviewView>(`${review(id)}/close`),
  decideComment: (id: string, commentId: string, body: ReviewCommentDecisionBody) =>
    http.patch<ReviewComment>(`${review(id)}/comments/${encodeURIComponent(commentId)}`, body),
  /** The 审查意见汇总处理表 as a file (a plain link the session authorizes). */
  exportUrl: (id: string, file: 'export.xlsx' | 'export.docx' | 'export-iso.xlsx') => `${review(id)}/${file}`,
  publication: (projectId: string, signal?: AbortSignal) =>
    http.get<PublicationView>(`/api/projects/${encodeURIComponent(projectId)}/publication`, { signal }),
  recordPublication: (projectId: string, body: PublicationBody) =>
    http.put<PublicationView>(`/api/projects/${encodeURIComponent(projectId)}/publication`, body),
  recordPeriodicReview: (projectId: string, body: PeriodicReviewBody) =>
    http.post<PeriodicReview>(`/api/projects/${encodeURIComponent(projectId)}/periodic-reviews`, body),
  recognitionList: (signal?: AbortSignal) => http.get<RecognitionRow[]>('/api/recognition-list', { signal }),
  recognitionListXlsx: '/api/recognition-list.xlsx',
};
