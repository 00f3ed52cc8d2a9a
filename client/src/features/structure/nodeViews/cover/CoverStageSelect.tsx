import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STANDARD_STAGES } from '@shared/editor/structure/names';

interface CoverStageSelectProps {
  value: string;
  editable: boolean;
  onChange: (stage: string) => void;
}

/** 征求意见稿 / 送审稿 / 报批稿: printed on the cover; a select for drafters. */
export function CoverStageSelect({ value, editable, onChange }: CoverStageSelectProps) {
  const { t } = useTranslation();
  if (!editable) {
    return (
      <span className="gb-cover__stage" data-testid="cover-field-stage">
        {value ? `（${value}）` : '—'}
      </span>
    );
  }
  return (
    <Select<string>
      className="gb-cover__stage-select"
      data-testid="cover-field-stage"
      aria-label={t('structure.cover.stage')}
      value={value || undefined}
      placeholder={t('structure.cover.stage')}
      onChange={onChange}
      popupMatchSelectWidth={false}
      options={STANDARD_STAGES.map((stage) => ({
        value: stage,
        label: `${stage}（${t(`structure.cover.stages.${stage}`)}）`,
      }))}
    />
  );
}
