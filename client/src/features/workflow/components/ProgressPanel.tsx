import { Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectListItem } from '@shared/api/types';
import { LoadError } from '../../../components/LoadError';
import { useGateChecklist, useProductionChecks, useSubmissions, useWorkflowStatus } from '../hooks/useWorkflow';
import { DueSummary } from './DueSummary';
import { GateChecklistView } from './GateChecklistView';
import { ProductionChecksPanel } from './ProductionChecksPanel';
import { ProvinceMoveButton } from './ProvinceMoveButton';
import { PublicationCard } from './review/PublicationCard';
import { ReviewsCard } from './review/ReviewsCard';
import { StageTimeline } from './StageTimeline';
import { SubmissionsTable } from './SubmissionsTable';
import { SubmitButton } from './SubmitButton';
import { TextLockBanner } from './TextLockBanner';

/**
 * 研制进度: the stages as a timeline with time spent, days left, the live checklist of the next gate
 * (with the lead's submit button), the submissions with their outcome, and the production checks.
 */
export function ProgressPanel({ project }: { project: ProjectListItem }) {
  const { t } = useTranslation();
  const status = useWorkflowStatus(project.id);
  const gate = useGateChecklist(project.id, status.data?.nextGate ?? null);
  const submissions = useSubmissions(project.id);
  const checks = useProductionChecks(project.id);
  const standardId = project.documents.find((d) => d.kind === 'standard')?.id ?? '';

  if (status.error && !status.data) return <LoadError error={status.error} onRetry={status.reload} />;
  if (!status.data)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  const { actions, nextGate } = status.data;
  return (
    <Flex vertical gap={16} data-testid="progress-panel">
      <TextLockBanner lock={status.data.textLock} />
      <Card
        size="small"
        title={t('workflow.progress.title')}
        extra={<ProvinceMoveButton projectId={project.id} moveTo={actions.moveTo} onMoved={status.reload} />}
      >
        <Flex vertical gap={16}>
          <StageTimeline status={status.data} />
          <DueSummary status={status.data} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card
            size="small"
            title={nextGate ? t('workflow.gate.title', { stage: nextGate }) : t('workflow.gate.none')}
            extra={
              actions.submit && gate.data ? (
                <SubmitButton
                  projectId={project.id}
                  stageLabel={actions.submit}
                  gatePassed={gate.data.passed}
                  onRefused={gate.reload}
                />
              ) : null
            }
          >
            {gate.error && !gate.data ? <LoadError error={gate.error} onRetry={gate.reload} /> : null}
            {gate.data ? (
              <Flex vertical gap={8}>
                {nextGate && !actions.submit ? (
                  <Typography.Text type="secondary">{t('workflow.gate.notYet', { stage: nextGate })}</Typography.Text>
                ) : null}
                <GateChecklistView checklist={gate.data} projectId={project.id} />
              </Flex>
            ) : nextGate ? (
              <Spin />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Flex vertical gap={16}>
            <PublicationCard projectId={project.id} />
            <ReviewsCard projectId={project.id} />
            <Card size="small" title={t('workflow.submissions.cardTitle')}>
              <SubmissionsTable
                submissions={submissions.data ?? []}
                loading={submissions.loading && !submissions.data}
              />
            </Card>
            <ProductionChecksPanel
              projectId={project.id}
              standardId={standardId}
              checks={checks.data ?? []}
              canRecord={actions.recordProductionCheck}
              onRecorded={checks.reload}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
