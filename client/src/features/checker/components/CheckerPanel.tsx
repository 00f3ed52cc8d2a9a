import { useCallback, useMemo, useState } from 'react';
import { App, Collapse, Empty, Segmented, Typography } from 'antd';
import { CheckCircleFilled, LoadingOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import type { Awareness } from 'y-protocols/awareness';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingFix } from '@shared/checker/types';
import { useEditable } from '../../structure';
import { applyFix } from '../lib/findingFix';
import { formatTime } from '../lib/formatTime';
import { jumpToFinding } from '../lib/jumpToFinding';
import { keyedFindings } from '../lib/findingKeys';
import { filterFindings, ruleSummary } from '../lib/ruleSummary';
import type { SeverityFilter } from '../lib/ruleSummary';
import { useServerChecker } from '../hooks/useServerChecker';
import { CheckerCounts } from './CheckerCounts';
import { CheckerRuleTable } from './CheckerRuleTable';
import { FindingItem } from './FindingItem';
import { VirtualList } from '../../../components/VirtualList';
import type { Keyed } from '../../../lib/listKeys';
import './checker.css';

/** A finding of one line of message and one of excerpt (longer ones are measured when shown). */
const FINDING_HEIGHT = 48;
const findingKey = (keyed: Keyed<Finding>) => keyed.key;
const findingClass = () => 'checker-findings__item';

interface CheckerPanelProps {
  editor: Editor;
  awareness: Awareness;
}

/**
 * 起草检查: the findings the server's drafting checker pushes for this document, live while people
 * type: counts, a table by rule, the list filtered by severity; a finding jumps to its place. The
 * rows of findings that did not change keep their objects between checks (no re-render), and a long
 * list renders only the rows in view.
 */
export function CheckerPanel({ editor, awareness }: CheckerPanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { snapshot, stale } = useServerChecker(awareness);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [ruleId, setRuleId] = useState<string | null>(null);
  const findings = useMemo(() => snapshot?.result.findings ?? [], [snapshot?.result.findings]);
  const rules = useMemo(() => ruleSummary(findings), [findings]);
  const visible = useMemo(() => filterFindings(findings, severity, ruleId), [findings, severity, ruleId]);
  const keyedVisible = useMemo(() => keyedFindings(visible), [visible]);
  const selectedRule = ruleId !== null && rules.some((r) => r.ruleId === ruleId) ? ruleId : null;

  const onJump = useCallback(
    (finding: Finding) => {
      if (jumpToFinding(editor, finding) === 'gone') void message.info(t('checker.gone'));
    },
    [editor, message, t],
  );
  const editable = useEditable(editor);
  const onFix = useCallback(
    (fix: FindingFix) => {
      if (!applyFix(editor, fix)) void message.info(t('checker.fix.notApplicable'));
    },
    [editor, message, t],
  );

  return (
    <section
      className="checker-panel"
      aria-label={t('checker.title')}
      data-testid="checker-panel"
      data-ready={snapshot ? 'true' : 'false'}
    >
      <div className="checker-panel__head">
        <Typography.Text strong>{t('checker.title')}</Typography.Text>
        {snapshot ? (
          <Typography.Text type="secondary" className="checker-panel__time" data-testid="checker-checked-at">
            {stale
              ? t('checker.stale')
              : t('checker.checkedAt', { time: formatTime(snapshot.checkedAt, i18n.language) })}
          </Typography.Text>
        ) : null}
      </div>
      {!snapshot ? (
        <div className="checker-panel__waiting" data-testid="checker-waiting">
          <LoadingOutlined /> {t('checker.waiting')}
        </div>
      ) : (
        <>
          <CheckerCounts errors={snapshot.result.counts.errors} warnings={snapshot.result.counts.warnings} />
          {findings.length === 0 ? (
            <div className="checker-panel__clean" data-testid="checker-clean">
              <CheckCircleFilled /> {t('checker.clean')}
            </div>
          ) : (
            <>
              <Collapse
                size="small"
                ghost
                className="checker-panel__rules"
                items={[
                  {
                    key: 'rules',
                    label: t('checker.byRule', { n: rules.length }),
                    children: <CheckerRuleTable rows={rules} selected={selectedRule} onSelect={setRuleId} />,
                  },
                ]}
              />
              <Segmented<SeverityFilter>
                block
                size="small"
                value={severity}
                onChange={setSeverity}
                data-testid="checker-filter"
                options={[
                  { value: 'all', label: t('checker.filter.all') },
                  { value: 'error', label: t('checker.filter.error') },
                  { value: 'warning', label: t('checker.filter.warning') },
                ]}
              />
              {visible.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checker.noneFiltered')} />
              ) : (
                <VirtualList
                  items={keyedVisible}
                  itemKey={findingKey}
                  itemClassName={findingClass}
                  estimateSize={FINDING_HEIGHT}
                  className="checker-findings"
                  testId="checker-findings"
                  renderItem={({ item: finding }) => (
                    <FindingItem finding={finding} onJump={onJump} {...(editable ? { onFix } : {})} />
                  )}
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
