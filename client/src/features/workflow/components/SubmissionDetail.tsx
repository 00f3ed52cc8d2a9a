import { useState } from 'react';
import { Card, Col, Collapse, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '@shared/api/workflow';
import type { DocumentKind } from '@shared/domain/project';
import { useFrozenVersion } from '../hooks/useFrozenVersion';
import { DecisionForm } from './DecisionForm';
import { DecisionHistory } from './DecisionHistory';
import { FrozenTexts } from './FrozenTexts';
import { GateChecklistView } from './GateChecklistView';
import { SubmissionOverview } from './SubmissionOverview';

/**
 * One submission as the bureau checks it and the drafting group follows it: its state and package,
 * the decisions with their reasons (a clause reason opens the frozen text there), the bureau's form,
 * the checklist as it was at submission, and the frozen texts.
 */
export function SubmissionDetail({
  submission,
  onChanged,
}: {
  submission: SubmissionView;
  onChanged: (updated: SubmissionView) => void;
}) {
  const { t } = useTranslation();
  const [activeKind, setActiveKind] = useState<DocumentKind>('standard');
  const [focus, setFocus] = useState<string | null>(null);
  const standard = useFrozenVersion(submission.documents.find((d) => d.kind === 'standard'));
  return (
    <Flex vertical gap={16}>
      <SubmissionOverview submission={submission} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('workflow.decision.history')}>
              <DecisionHistory
                submission={submission}
                onShowClause={(clauseId) => {
                  setActiveKind('standard');
                  setFocus(clauseId);
                }}
              />
            </Card>
            {submission.mayDecide ? (
              <DecisionForm submission={submission} standard={standard.data?.content ?? null} onDecided={onChanged} />
            ) : null}
            <Collapse
              size="small"
              items={[
                {
                  key: 'checklist',
                  label: t('workflow.gate.atSubmission'),
                  children: <GateChecklistView checklist={submission.checklist} projectId={submission.projectId} />,
                },
              ]}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('workflow.frozen.title')}>
            <FrozenTexts
              submission={submission}
              standard={standard}
              activeKind={activeKind}
              onActiveKindChange={setActiveKind}
              focusNodeId={focus}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
