import { Col, Form, Input, Row } from 'antd';
import type { FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { recipientBody } from '@shared/validation/consultation';
import { zodRule } from '../../../lib/formErrors';
import { maxLengthOf, minLengthOf } from '../../../lib/schemaLimits';

export interface UnitValues {
  unitName?: string;
  contact?: string;
  phone?: string;
  email?: string;
}

interface UnitFieldsProps {
  /** The path prefix inside a Form.List (the row's index), none for a plain form. */
  prefix?: number;
  /** Labels are shown only on the first row of a list. */
  showLabels?: boolean;
  testIdPrefix?: string;
}

/** 单位名称 · 联系人 · 电话 · 电子邮箱 of a consulted unit, validated with the shared `recipientBody` schema. */
export function UnitFields({ prefix, showLabels = true, testIdPrefix = 'unit' }: UnitFieldsProps) {
  const { t } = useTranslation();
  const name = (field: keyof UnitValues): FormItemProps['name'] => (prefix === undefined ? field : [prefix, field]);
  const label = (key: 'unitName' | 'contact' | 'phone' | 'email') =>
    showLabels ? t(`consultation.recipient.${key}`) : undefined;
  const shape = recipientBody.shape;
  return (
    <Row gutter={8}>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('unitName')}
          label={label('unitName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            zodRule(shape.unitName, t('validation.nameLength', { min: minLengthOf(shape.unitName) })),
          ]}
        >
          <Input
            maxLength={maxLengthOf(shape.unitName)}
            placeholder={showLabels ? undefined : t('consultation.recipient.unitName')}
            data-testid={`${testIdPrefix}-name`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('contact')} label={label('contact')}>
          <Input
            maxLength={maxLengthOf(shape.contact)}
            placeholder={showLabels ? undefined : t('consultation.recipient.contact')}
            data-testid={`${testIdPrefix}-contact`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('phone')} label={label('phone')} rules={[zodRule(shape.phone, t('validation.phone'))]}>
          <Input
            maxLength={maxLengthOf(shape.phone)}
            placeholder={showLabels ? undefined : t('consultation.recipient.phone')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('email')} label={label('email')} rules={[zodRule(shape.email, t('validation.email'))]}>
          <Input
            maxLength={maxLengthOf(shape.email)}
            inputMode="email"
            placeholder={showLabels ? undefined : t('consultation.recipient.email')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
