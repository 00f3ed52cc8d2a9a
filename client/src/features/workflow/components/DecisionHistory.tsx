import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@shared/api/workflow';
import { formatDateTime } from '../../../lib/format';
import { withKeys } from '../../../lib/listKeys';

/** The bureaus' decisions on a submission, with each return reason (a clause reason shows the clause). */
export function DecisionHistory({
  submission,
  onShowClause,
}: {
  submission: SubmissionView;
  /** Shows the submitted standard text at a clause. */
  onShowClause: (clauseId: string) => void;
}) {
  const { t } = useTranslation();
  if (submission.decisions.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t(`workflow.decision.waiting.${submission.waitingFor ?? 'local'}`)}
      />
    );
  return (
    <Timeline
      data-testid="decision-history"
      items={submission.decisions.map((d) => ({
        color: d.decision === 'return' ? 'red' : 'green',
        content: (
          <div data-testid="decision" data-decision={d.decision}>
            <Typography.Text strong>
              {t(`workflow.decision.recorded.${d.level}.${d.decision}`, { bureau: d.bureauName })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {d.decidedByName} · {formatDateTime(d.decidedAt)}
              </Typography.Text>
            </div>
            {d.reasons.length > 0 ? (
              <ol className="workflow-reasons" data-testid="return-reasons">
                {withKeys(d.reasons, (r) => `${r.clauseId ?? r.clauseLabel ?? ''}:${r.text}`).map(
                  ({ key, item: reason }) => (
                    <li key={key} data-testid="return-reason">
                      {reason.clauseId ? (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0, marginRight: 6 }}
                          onClick={() => onShowClause(reason.clauseId ?? '')}
                        >
                          {reason.clauseLabel}
                        </Button>
                      ) : reason.clauseLabel ? (
                        <Tag>{reason.clauseLabel}</Tag>
                      ) : null}
                      {reason.text}
                    </li>
                  ),
                )}
              </ol>
            ) : null}
            {d.note ? <Typography.Paragraph style={{ margin: 0 }}>{d.note}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}
