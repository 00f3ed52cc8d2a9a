import { useState } from 'react';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GateChecklist, GateItemResult } from '@shared/api/workflow';
import { withKeys } from '../../../lib/listKeys';
import { localized } from '../../../lib/localized';
import { fixPath } from '../lib/fixPath';

/** Details shown before "show all". */
const SHOWN_DETAILS = 3;

function ItemIcon({ item }: { item: GateItemResult }) {
  if (item.passed) return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="passed" />;
  if (item.required) return <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="failed" />;
  return <ExclamationCircleFilled style={{ color: '#faad14' }} aria-label="warning" />;
}

function GateItem({ item, projectId }: { item: GateItemResult; projectId: string }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const details = expanded ? item.details : item.details.slice(0, SHOWN_DETAILS);
  return (
    <List.Item
      data-testid={`gate-item-${item.id}`}
      data-passed={item.passed ? 'true' : 'false'}
      extra={
        item.fix ? (
          <Link to={fixPath(item.fix, projectId)} data-testid={`gate-fix-${item.id}`} className="workflow-gate__fix">
            {item.passed ? t('workflow.gate.open') : t('workflow.gate.fix')}
          </Link>
        ) : null
      }
    >
      <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
        <span style={{ fontSize: 18, lineHeight: '22px' }}>
          <ItemIcon item={item} />
        </span>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {localized(item.title, i18n.language)}
            {item.required ? null : <Tag style={{ marginLeft: 8 }}>{t('workflow.gate.optional')}</Tag>}
          </Typography.Text>
          <Typography.Text type={item.passed ? 'secondary' : 'danger'} data-testid="gate-reason">
            {localized(item.reason, i18n.language)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {localized(item.description, i18n.language)}
          </Typography.Text>
          {details.length > 0 ? (
            <ul className="workflow-gate__details">
              {withKeys(details, (d) => `${d.clauseLabel ?? ''}:${d.text.zh}`).map(({ key, item: detail }) => (
                <li key={key}>
                  {detail.clauseLabel ? <Tag>{detail.clauseLabel}</Tag> : null}
                  {detail.fix ? (
                    <Link to={fixPath(detail.fix, projectId)}>{localized(detail.text, i18n.language)}</Link>
                  ) : (
                    localized(detail.text, i18n.language)
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {item.details.length > SHOWN_DETAILS ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded((e) => !e)}>
              {expanded ? t('workflow.gate.showLess') : t('workflow.gate.showAll', { count: item.details.length })}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** A gate's checklist: every item with its outcome, reason, findings and where to fix them. */
export function GateChecklistView({ checklist, projectId }: { checklist: GateChecklist; projectId: string }) {
  return (
    <List
      size="small"
      dataSource={checklist.items}
      rowKey="id"
      data-testid="gate-checklist"
      data-passed={checklist.passed ? 'true' : 'false'}
      renderItem={(item) => <GateItem item={item} projectId={projectId} />}
    />
  );
}
