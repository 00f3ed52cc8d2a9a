import { memo } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../../shared/checker/types';
import { localized } from '../lib/ruleSummary';
import { SeverityIcon } from './SeverityIcon';

interface FindingItemProps {
  finding: Finding;
  onJump: (finding: Finding) => void;
}

/** One finding: severity, where (clause label), the message in the UI language, the excerpt. */
export const FindingItem = memo(function FindingItem({ finding, onJump }: FindingItemProps) {
  const { i18n } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className={`checker-finding checker-finding--${finding.severity}`}
        data-testid="checker-finding"
        data-rule-id={finding.ruleId}
        data-severity={finding.severity}
        data-node-id={finding.nodeId ?? ''}
        onClick={() => onJump(finding)}
      >
        <SeverityIcon severity={finding.severity} />
        <span className="checker-finding__body">
          <span className="checker-finding__message">
            {finding.clauseLabel ? <Tag className="checker-finding__where">{finding.clauseLabel}</Tag> : null}
            {localized(finding.message, i18n.language)}
          </span>
          {finding.excerpt ? <span className="checker-finding__excerpt">“{finding.excerpt}”</span> : null}
        </span>
      </button>
    </li>
  );
});
