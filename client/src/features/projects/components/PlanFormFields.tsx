import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@shared/api/types';
import { PUBLICATION_CATEGORIES, STANDARD_TYPES } from '@shared/domain/project';
import { createProjectBody } from '@shared/validation/requests';
import { zodRule } from '../../../lib/formErrors';
import { useOrganizationOptions } from '../../organizations';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

const BUREAUS = ['market-supervision-bureau'] as const;
const ENTERPRISES = ['enterprise'] as const;
/** Create and edit check the same limits; the create schema's fields are the reference. */
const shape = createProjectBody.shape;

interface PlanFormFieldsProps {
  mode: 'create' | 'edit';
  organizations: OrganizationView[];
  /** Administrators choose the lead unit; an enterprise user's own unit becomes the lead. */
  chooseLeadUnit: boolean;
}

/** The fields of the province's development plan (研制计划), shared by the create and edit forms. */
export function PlanFormFields({ mode, organizations, chooseLeadUnit }: PlanFormFieldsProps) {
  const { t } = useTranslation();
  const bureauOptions = useOrganizationOptions(organizations, BUREAUS);
  const enterpriseOptions = useOrganizationOptions(organizations, ENTERPRISES);
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Form.Item
        name="nameZh"
        label={t('projects.nameZh')}
        rules={[required, zodRule(shape.nameZh, t('validation.nameLength', { min: minLengthOf(shape.nameZh) }))]}
      >
        <Input maxLength={maxLengthOf(shape.nameZh)} data-testid="plan-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('projects.nameEn')}>
        <Input maxLength={maxLengthOf(shape.nameEn)} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="standardType" label={t('projects.standardType')} rules={[required]}>
            <Select options={STANDARD_TYPES.map((v) => ({ value: v, label: t(`enums.standardType.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="publicationCategory" label={t('projects.category')} rules={[required]}>
            <Select options={PUBLICATION_CATEGORIES.map((v) => ({ value: v, label: t(`enums.category.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="planBatch" label={t('projects.planBatch')}>
            <Input maxLength={maxLengthOf(shape.planBatch)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="planNumber" label={t('projects.planNumber')}>
            <Input maxLength={maxLengthOf(shape.planNumber)} />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'create' && chooseLeadUnit ? (
        <Form.Item name="leadOrganizationId" label={t('projects.leadUnit')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={enterpriseOptions} />
        </Form.Item>
      ) : null}
      <Form.Item name="supervisingBureauIds" label={t('projects.supervisingBureaus')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={bureauOptions} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="startDate"
            label={t('projects.startDate')}
            rules={[{ required: true, message: t('validation.date') }]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="dueDate"
            label={t('projects.dueDate')}
            extra={mode === 'create' ? t('projects.dueDateHint') : undefined}
            dependencies={['startDate']}
            rules={[
              ...(mode === 'edit' ? [{ required: true, message: t('validation.date') }] : []),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  const start: unknown = getFieldValue('startDate');
                  if (typeof value === 'string' && value && typeof start === 'string' && start && value <= start) {
                    throw new Error(t('validation.dueAfterStart'));
                  }
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="publishingBody"
        label={t('projects.publishingBody')}
        extra={t('projects.publishingBodyHint')}
        rules={[
          { required: mode === 'edit', message: t('validation.required') },
          zodRule(shape.publishingBody, t('validation.nameLength', { min: minLengthOf(shape.publishingBody) })),
        ]}
      >
        <Input maxLength={maxLengthOf(shape.publishingBody)} />
      </Form.Item>
    </>
  );
}
