import { NodeViewWrapper } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverField as CoverFieldName } from '@shared/editor/structure/names';
import { useEditable } from '../../hooks/useEditable';
import { CoverField } from './CoverField';
import { CoverStageSelect } from './CoverStageSelect';
import { PATENT_NOTICE, PATENT_NOTICE_STAGES, standardCodePrefix, standardKindTitle } from './coverFields';

function attr(props: NodeViewProps, name: CoverFieldName): string {
  const value: unknown = props.node.attrs[name];
  return typeof value === 'string' ? value : '';
}

/** 封面: the cover laid out as printed, every datum a field that updates the node's attributes. */
export function StandardCoverView(props: NodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditable(props.editor);
  const number = attr(props, 'standardNumber');
  const stage = attr(props, 'stage');
  const field = (
    name: CoverFieldName,
    extra: { placeholder?: string; kind?: 'text' | 'date'; className?: string } = {},
  ) => (
    <CoverField
      name={name}
      label={t(`structure.cover.fields.${name}`)}
      value={attr(props, name)}
      editable={editable}
      onCommit={(value) => props.updateAttributes({ [name]: value })}
      {...extra}
    />
  );

  return (
    <NodeViewWrapper className="gb-cover" data-testid="standard-cover" data-stage={stage}>
      <div className="gb-cover__badge" contentEditable={false}>
        <Tag color="blue">{t('structure.cover.badge')}</Tag>
      </div>
      <div className="gb-cover__codes">
        <div className="gb-cover__code-line">
          <span className="gb-cover__code-label">ICS</span>
          {field('ics', { placeholder: '97.040.60' })}
        </div>
        <div className="gb-cover__code-line">
          <span className="gb-cover__code-label">CCS</span>
          {field('ccs', { placeholder: 'Y 29' })}
        </div>
      </div>
      <div className="gb-cover__prefix">{standardCodePrefix(number)}</div>
      <div className="gb-cover__kind">{standardKindTitle(number)}</div>
      <div className="gb-cover__numbers">
        <div className="gb-cover__number-line">{field('standardNumber', { placeholder: 'T/ZZB 0123—2026' })}</div>
        <div className="gb-cover__number-line gb-cover__registration">
          <span className="gb-cover__small-label">{t('structure.cover.fields.registrationNumber')}</span>
          {field('registrationNumber', { placeholder: 'ZZB T0123-2026' })}
        </div>
      </div>
      <hr className="gb-cover__rule" />
      <div className="gb-cover__titles">
        {field('titleZh', { className: 'gb-cover__title-zh' })}
        {field('titleEn', { className: 'gb-cover__title-en' })}
        <div className="gb-cover__stage-line">
          <CoverStageSelect
            value={stage}
            editable={editable}
            onChange={(value) => props.updateAttributes({ stage: value })}
          />
        </div>
        {PATENT_NOTICE_STAGES.includes(stage) ? (
          <div className="gb-cover__patent" data-testid="cover-patent-notice">
            {PATENT_NOTICE}
          </div>
        ) : null}
      </div>
      <div className="gb-cover__dates">
        <div className="gb-cover__date">
          {field('publicationDate', { kind: 'date' })}
          <span>发布</span>
        </div>
        <div className="gb-cover__date">
          {field('implementationDate', { kind: 'date' })}
          <span>实施</span>
        </div>
      </div>
      <hr className="gb-cover__rule" />
      <div className="gb-cover__publisher">
        {field('publisher')}
        <span className="gb-cover__publisher-suffix">发布</span>
      </div>
    </NodeViewWrapper>
  );
}
