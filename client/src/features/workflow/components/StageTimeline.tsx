import { Steps } from 'antd';
import type { StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES } from '@shared/domain/project';
import type { WorkflowStatus } from '@shared/api/workflow';
import { daysPerStage } from '@shared/workflow/time';
import { stageIndex } from '@shared/workflow/stages';
import { formatDate } from '../../../lib/format';

/**
 * The stages of Annex 1 as a timeline: done (with the days spent), current (since when, days so far)
 * and next; dates from the stage log.
 */
export function StageTimeline({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation();
  const current = stageIndex(status.stage);
  const days = daysPerStage(status.periods);
  const entered = new Map(status.periods.map((p) => [p.stage, p.from]));
  const items: StepsProps['items'] = PROJECT_STAGES.map((stage, index) => {
    const since = entered.get(stage);
    const spent = days[stage];
    const description =
      index < current
        ? since
          ? t('workflow.timeline.done', { date: formatDate(since), days: spent ?? 0 })
          : t('workflow.timeline.doneBefore')
        : index === current
          ? t('workflow.timeline.current', { date: formatDate(since ?? ''), days: spent ?? 0 })
          : '';
    return {
      title: t(`enums.stage.${stage}`),
      description,
      status: index < current ? 'finish' : index === current ? 'process' : 'wait',
    };
  });
  return (
    <Steps
      size="small"
      current={current}
      items={items}
      titlePlacement="vertical"
      className="workflow-timeline"
      data-testid="stage-timeline"
      data-stage={status.stage}
    />
  );
}
