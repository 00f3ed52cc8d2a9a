import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewConclusion } from '@shared/workflow/reviews';

/** The 审评结论 with its vote count: passed / not passed once closed, the votes so far while open. */
export function ConclusionTag({ conclusion, closed }: { conclusion: ReviewConclusion; closed: boolean }) {
  const { t } = useTranslation();
  const inFavour = conclusion.votes.pass + conclusion.votes['pass-with-changes'];
  const count = { inFavour, experts: conclusion.experts, voted: conclusion.voted };
  if (!closed)
    return (
      <Tag color="processing" data-testid="review-conclusion">
        {t('review.conclusion.open', count)}
      </Tag>
    );
  return (
    <Tag color={conclusion.passed ? 'success' : 'error'} data-testid="review-conclusion">
      {t(conclusion.passed ? 'review.conclusion.passed' : 'review.conclusion.failed', count)}
    </Tag>
  );
}
