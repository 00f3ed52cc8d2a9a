import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '@shared/domain/consultation';
import { DECISION_COLORS, decisionKey } from '../lib/decision';

/** 采纳 / 部分采纳 / 不采纳 / 未处理. */
export function DecisionTag({ decision }: { decision: Decision | null }) {
  const { t } = useTranslation();
  const key = decisionKey(decision);
  return (
    <Tag color={DECISION_COLORS[key]} data-decision={key} style={{ marginInlineEnd: 0 }}>
      {t(`consultation.decision.${key}`)}
    </Tag>
  );
}
