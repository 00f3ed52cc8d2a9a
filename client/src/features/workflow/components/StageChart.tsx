import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES } from '@shared/domain/project';
import type { ProjectStage } from '@shared/domain/project';

/** Projects per stage as horizontal bars (a click filters the table by that stage). */
export function StageChart({
  counts,
  selected,
  onSelect,
}: {
  counts: Record<ProjectStage, number>;
  selected: ProjectStage | null;
  onSelect: (stage: ProjectStage | null) => void;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...PROJECT_STAGES.map((s) => counts[s]));
  return (
    <ul className="workflow-chart" data-testid="stage-chart">
      {PROJECT_STAGES.map((stage) => (
        <li key={stage}>
          <button
            type="button"
            className={`workflow-chart__row${selected === stage ? ' workflow-chart__row--selected' : ''}`}
            onClick={() => onSelect(selected === stage ? null : stage)}
            data-stage={stage}
            data-count={counts[stage]}
            aria-pressed={selected === stage}
          >
            <span className="workflow-chart__label">{t(`enums.stage.${stage}`)}</span>
            <span className="workflow-chart__track">
              <span className="workflow-chart__bar" style={{ width: `${(counts[stage] / max) * 100}%` }} />
            </span>
            <Typography.Text className="workflow-chart__count">{counts[stage]}</Typography.Text>
          </button>
        </li>
      ))}
    </ul>
  );
}
