import { Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpertOpinionView } from '@shared/api/reviews';
import type { DimensionRating, ReviewVote } from '@shared/workflow/reviews';
import { REVIEW_DIMENSIONS } from '@shared/workflow/reviews';

const RATING_COLORS: Record<DimensionRating, string> = {
  conforms: 'green',
  'mostly-conforms': 'gold',
  nonconforming: 'red',
};
const VOTE_COLORS: Record<ReviewVote, string> = { pass: 'green', 'pass-with-changes': 'gold', fail: 'red' };

/** The experts' opinions: one row per expert, a column per dimension (the remark on hover), the vote. */
export function OpinionsTable({ opinions }: { opinions: ExpertOpinionView[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ExpertOpinionView> = [
    { key: 'expert', title: t('review.expert'), dataIndex: 'expertName', width: 90 },
    ...REVIEW_DIMENSIONS.map((dimension) => ({
      key: dimension,
      title: t(`review.dimension.${dimension}`),
      render: (_: unknown, o: ExpertOpinionView) => {
        const { rating, remark } = o.dimensions[dimension];
        const tag = <Tag color={RATING_COLORS[rating]}>{t(`review.rating.${rating}`)}</Tag>;
        return remark ? <Tooltip title={remark}>{tag}</Tooltip> : tag;
      },
    })),
    {
      key: 'vote',
      title: t('review.vote.label'),
      render: (_: unknown, o: ExpertOpinionView) => <Tag color={VOTE_COLORS[o.vote]}>{t(`review.vote.${o.vote}`)}</Tag>,
    },
  ];
  return (
    <Table<ExpertOpinionView>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={opinions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('review.opinion.none') }}
      data-testid="review-opinions"
    />
  );
}
