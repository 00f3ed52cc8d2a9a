import { useState } from 'react';
import { Alert, Card, Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '@shared/api/reviews';
import type { DocumentKind } from '@shared/domain/project';
import { useFrozenVersion } from '../../hooks/useFrozenVersion';
import { FrozenTexts } from '../FrozenTexts';
import { OpinionForm } from './OpinionForm';
import { OpinionsTable } from './OpinionsTable';
import { ReviewCommentForm } from './ReviewCommentForm';
import { ReviewCommentsTable } from './ReviewCommentsTable';
import { ReviewOverview } from './ReviewOverview';
import { ReviewTableExports } from './ReviewTableExports';

/**
 * One technical review: the overview with the conclusion; for an invited expert their opinion, vote
 * and comment forms; the opinions and comments the caller may see; the frozen 送审稿 beside them.
 */
export function ReviewDetail({
  review,
  onChanged,
  reload,
}: {
  review: ReviewView;
  onChanged: (updated: ReviewView) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [activeKind, setActiveKind] = useState<DocumentKind>('standard');
  const [focus, setFocus] = useState<string | null>(null);
  const standard = useFrozenVersion(review.documents.find((d) => d.kind === 'standard'));
  const ownOnly = review.closedAt === null && review.actions.vote;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={11}>
        <Flex vertical gap={16}>
          <ReviewOverview review={review} onChanged={onChanged} />
          {ownOnly ? <Alert type="info" showIcon message={t('review.ownOnly')} /> : null}
          {review.actions.vote ? <OpinionForm review={review} onSaved={onChanged} /> : null}
          {review.actions.vote ? (
            <ReviewCommentForm review={review} standard={standard.data?.content ?? null} onAdded={reload} />
          ) : null}
          <Card size="small" title={ownOnly ? t('review.opinion.mine') : t('review.opinion.all')}>
            <OpinionsTable opinions={review.opinions} />
          </Card>
          <Card
            size="small"
            title={ownOnly ? t('review.comment.mine') : t('review.comment.all')}
            extra={ownOnly ? null : <ReviewTableExports reviewId={review.id} />}
          >
            <ReviewCommentsTable
              comments={review.comments}
              mayDecide={review.actions.decide}
              onDecided={reload}
              onShowClause={(clauseId) => {
                setActiveKind('standard');
                setFocus(clauseId);
              }}
            />
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={13}>
        <Card size="small" title={t('review.frozen')}>
          <FrozenTexts
            submission={review}
            standard={standard}
            activeKind={activeKind}
            onActiveKindChange={setActiveKind}
            focusNodeId={focus}
          />
        </Card>
      </Col>
    </Row>
  );
}
