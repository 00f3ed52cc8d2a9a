import { Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TableHeader } from '@shared/api/consultation';
import { todayIso } from '../../../lib/format';

/** The header of the 征求意见汇总处理表: 标准名称 · 负责起草单位 · 承办人 · 电话 · 填写日期. */
export function RoundHeader({ header }: { header: TableHeader }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'standard', label: t('consultation.header.standardName'), children: header.standardName, span: 2 },
    { key: 'lead', label: t('consultation.header.leadUnit'), children: header.leadUnitName, span: 2 },
    { key: 'handler', label: t('consultation.header.handler'), children: header.handlerName },
    { key: 'phone', label: t('consultation.header.phone'), children: header.handlerPhone || '—' },
    { key: 'date', label: t('consultation.header.date'), children: todayIso(), span: 2 },
  ];
  return (
    <div data-testid="round-header">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} items={items} />
    </div>
  );
}
