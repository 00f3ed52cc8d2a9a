/** The technical reviews of a project, one review, the publication — following the project's workflow events. */
import type { ProjectReviews, PublicationView, RecognitionRow, ReviewView } from '@shared/api/reviews';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { useReloadOnProjectEvents } from '../../../realtime/useReloadOnProjectEvents';
import { reviewApi } from '../api/reviewApi';

export function useProjectReviews(projectId: string): ApiQuery<ProjectReviews> {
  const query = useApiQuery((signal) => reviewApi.list(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, ['workflow-changed', 'members-changed'], query.reload);
  return query;
}

export function useReview(reviewId: string): ApiQuery<ReviewView> {
  const query = useApiQuery((signal) => reviewApi.get(reviewId, signal), [reviewId]);
  useReloadOnProjectEvents(query.data?.projectId, ['workflow-changed'], query.reload);
  return query;
}

export function usePublication(projectId: string): ApiQuery<PublicationView> {
  const query = useApiQuery((signal) => reviewApi.publication(projectId, signal), [projectId]);
  useReloadOnProjectEvents(projectId, ['workflow-changed'], query.reload);
  return query;
}

/** The recognition list (认定目录), for every signed-in user. */
export function useRecognitionList(): ApiQuery<RecognitionRow[]> {
  return useApiQuery((signal) => reviewApi.recognitionList(signal), []);
}
