import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundSummary } from '@shared/consultation/summary';

/**
 * The footer counts of the 征求意见汇总处理表, as computed by the server from the recipient list and
 * the items (never typed). The data attributes carry the numbers for tests and tools.
 */
export function SummaryTable({ summary }: { summary: RoundSummary }) {
  const { t } = useTranslation();
  const count = (n: number) => (
    <span className="round-summary__count">{t('consultation.summary.units', { count: n })}</span>
  );
  const itemCount = (n: number) => (
    <span className="round-summary__count">{t('consultation.summary.items', { count: n })}</span>
  );
  const replies: DescriptionsProps['items'] = [
    { key: 'sent', label: t('consultation.summary.sent'), children: count(summary.sent) },
    { key: 'replied', label: t('consultation.summary.replied'), children: count(summary.replied) },
    {
      key: 'withComments',
      label: t('consultation.summary.withComments'),
      children: count(summary.repliedWithComments),
    },
    { key: 'notReplied', label: t('consultation.summary.notReplied'), children: count(summary.notReplied) },
  ];
  const handling: DescriptionsProps['items'] = [
    { key: 'total', label: t('consultation.summary.total'), children: itemCount(summary.items) },
    { key: 'accepted', label: t('consultation.decision.accepted'), children: itemCount(summary.accepted) },
    { key: 'partly', label: t('consultation.decision.partly-accepted'), children: itemCount(summary.partlyAccepted) },
    { key: 'rejected', label: t('consultation.decision.rejected'), children: itemCount(summary.rejected) },
    {
      key: 'open',
      label: t('consultation.decision.open'),
      children:
        summary.open > 0 ? <Typography.Text type="danger">{itemCount(summary.open)}</Typography.Text> : itemCount(0),
    },
  ];
  return (
    <div
      data-testid="round-summary"
      data-sent={summary.sent}
      data-replied={summary.replied}
      data-with-comments={summary.repliedWithComments}
      data-not-replied={summary.notReplied}
      data-items={summary.items}
      data-accepted={summary.accepted}
      data-partly={summary.partlyAccepted}
      data-rejected={summary.rejected}
      data-open={summary.open}
    >
      <Descriptions
        bordered
        size="small"
        title={t('consultation.summary.title')}
        column={{ xs: 1, sm: 2, xl: 4 }}
        items={replies}
      />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, xl: 5 }} items={handling} style={{ marginTop: 8 }} />
    </div>
  );
}
