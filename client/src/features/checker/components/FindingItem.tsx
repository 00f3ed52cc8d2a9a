import { memo } from 'react';
import { Button, Tag } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingFix } from '@shared/checker/types';
import { hasPlace } from '../lib/jumpToFinding';
import { localized } from '../lib/ruleSummary';
import { SeverityIcon } from './SeverityIcon';

interface FindingItemProps {
  finding: Finding;
  onJump: (finding: Finding) => void;
  /** Runs the finding's fix; absent when the caller may not edit. */
  onFix?: (fix: FindingFix) => void;
}

function FixButton({ fix, onFix }: { fix: FindingFix; onFix: (fix: FindingFix) => void }) {
  const { t } = useTranslation();
  const label =
    fix.type === 'insert-chapter'
      ? t('checker.fix.insertChapter', { chapter: t(`structure.roles.${fix.role}`) })
      : t('checker.fix.sortReferences');
  return (
    <Button
      size="small"
      type="link"
      icon={<ToolOutlined />}
      className="checker-finding__fix"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onFix(fix)}
      data-testid="checker-finding-fix"
      data-fix={fix.type}
    >
      {label}
    </Button>
  );
}

/**
 * One finding: severity, where (clause label), the message in the UI language, the excerpt; a
 * finding with a place jumps to it, one about the whole document (a missing chapter) does not, and
 * a finding with a fix offers it. The content of a row (`<li class="checker-findings__item">`).
 */
export const FindingItem = memo(function FindingItem({ finding, onJump, onFix }: FindingItemProps) {
  const { i18n } = useTranslation();
  const placed = hasPlace(finding);
  const content = (
    <>
      <SeverityIcon severity={finding.severity} />
      <span className="checker-finding__body">
        <span className="checker-finding__message">
          {finding.clauseLabel ? <Tag className="checker-finding__where">{finding.clauseLabel}</Tag> : null}
          {localized(finding.message, i18n.language)}
        </span>
        {finding.excerpt ? <span className="checker-finding__excerpt">“{finding.excerpt}”</span> : null}
      </span>
    </>
  );
  const common = {
    className: `checker-finding checker-finding--${finding.severity}${placed ? '' : ' checker-finding--whole'}`,
    'data-testid': 'checker-finding',
    'data-rule-id': finding.ruleId,
    'data-severity': finding.severity,
    'data-node-id': finding.nodeId ?? '',
  };
  return (
    <>
      {placed ? (
        <button type="button" {...common} onClick={() => onJump(finding)}>
          {content}
        </button>
      ) : (
        <div {...common}>{content}</div>
      )}
      {finding.fix && onFix ? <FixButton fix={finding.fix} onFix={onFix} /> : null}
    </>
  );
});
