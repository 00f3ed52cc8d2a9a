import { useMemo } from 'react';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRODUCTION_CHECK_RESULTS } from '@shared/workflow/productionChecks';
import type { ProductionCheckResult } from '@shared/workflow/productionChecks';
import { productionCheckBody } from '@shared/validation/workflow';
import { FormModal } from '../../../components/FormModal';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../lib/schemaLimits';
import { todayIso } from '../../../lib/format';
import { workflowApi } from '../api/workflowApi';
import { indicatorOptions } from '../lib/indicatorOptions';

interface Values {
  date: string;
  site: string;
  products: string[];
  indicators: string[];
  result: ProductionCheckResult;
  remarks?: string;
}

const FIELDS = ['date', 'site', 'products', 'indicators', 'result', 'remarks'] as const;
const shape = productionCheckBody.shape;

/** 记录生产验证把关: the visit, the products seen, the indicators checked against the draft, the result. */
export function ProductionCheckModal({
  projectId,
  standardId,
  open,
  onClose,
  onRecorded,
}: {
  projectId: string;
  standardId: string;
  open: boolean;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const standard = useApiQuery(
    (signal) => (open ? workflowApi.content(standardId, signal) : Promise.resolve(null)),
    [standardId, open],
  );
  const options = useMemo(() => {
    const all = standard.data ? indicatorOptions(standard.data) : [];
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const o of all) groups.set(o.table, [...(groups.get(o.table) ?? []), { label: o.label, value: o.value }]);
    return [...groups].map(([label, opts]) => ({ label, options: opts }));
  }, [standard.data]);
  const result = Form.useWatch('result', form);
  const { submitting, submit } = useFormSubmit<Values>(form, FIELDS, async (values) => {
    await workflowApi.recordProductionCheck(projectId, {
      date: values.date,
      site: values.site.trim(),
      products: values.products.map((p) => p.trim()).filter(Boolean),
      indicators: values.indicators ?? [],
      result: values.result,
      remarks: (values.remarks ?? '').trim(),
    });
    onRecorded();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('workflow.production.recordTitle')}
      okText={t('workflow.production.record')}
      form={form}
      submitting={submitting}
      initialValues={{ date: todayIso(), products: [], indicators: [], result: 'passed' }}
      onSubmit={submit}
      onClose={onClose}
      width={640}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('workflow.production.intro')} />
      <Form.Item name="date" label={t('workflow.production.date')} rules={[required]}>
        <Input type="date" max={todayIso()} data-testid="production-date" />
      </Form.Item>
      <Form.Item name="site" label={t('workflow.production.site')} rules={[required]}>
        <Input
          maxLength={maxLengthOf(shape.site)}
          placeholder={t('workflow.production.sitePlaceholder')}
          data-testid="production-site"
        />
      </Form.Item>
      <Form.Item
        name="products"
        label={t('workflow.production.products')}
        extra={t('workflow.production.productsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('workflow.production.productsRequired') }]}
      >
        <Select mode="tags" open={false} tokenSeparators={['，', ',', '；', ';']} data-testid="production-products" />
      </Form.Item>
      <Form.Item
        name="indicators"
        label={t('workflow.production.indicators')}
        extra={t('workflow.production.indicatorsHint')}
      >
        <Select
          mode="multiple"
          loading={standard.loading}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('workflow.production.indicatorsPlaceholder')}
          data-testid="production-indicators"
        />
      </Form.Item>
      <Form.Item name="result" label={t('workflow.production.result')} rules={[required]}>
        <Radio.Group data-testid="production-result">
          {PRODUCTION_CHECK_RESULTS.map((r) => (
            <Radio.Button key={r} value={r}>
              {t(`workflow.production.results.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="remarks"
        label={t('workflow.production.remarks')}
        rules={result === 'rework' ? [{ required: true, message: t('workflow.production.reworkNeedsRemarks') }] : []}
      >
        <Input.TextArea rows={3} maxLength={maxLengthOf(shape.remarks)} data-testid="production-remarks" />
      </Form.Item>
    </FormModal>
  );
}
