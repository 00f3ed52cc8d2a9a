import { Col, Form, Input } from 'antd';
import type { ColProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { handlerBody } from '@shared/validation/consultation';
import { maxLengthOf } from '../../../lib/schemaLimits';

/** The 承办人 fields of a round's form. */
export interface HandlerValues {
  handlerName: string;
  handlerPhone?: string;
}

/** The 承办人 the form's values give, as the request bodies carry it. */
export function handlerOf(values: HandlerValues): { name: string; phone: string } {
  return { name: values.handlerName.trim(), phone: (values.handlerPhone ?? '').trim() };
}

/** The 承办人 (name, required) and phone columns of a round's form, each laid out as `col`. */
export function HandlerFields({ col }: { col: ColProps }) {
  const { t } = useTranslation();
  return (
    <>
      <Col {...col}>
        <Form.Item
          name="handlerName"
          label={t('consultation.header.handler')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={maxLengthOf(handlerBody.shape.name)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="handlerPhone" label={t('consultation.header.phone')}>
          <Input maxLength={maxLengthOf(handlerBody.shape.phone)} />
        </Form.Item>
      </Col>
    </>
  );
}
