import { useState } from 'react';
import { Button, Card, Descriptions, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationView } from '@shared/api/reviews';
import { FormModal } from '../../../../components/FormModal';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { reviewApi } from '../../api/reviewApi';
import { usePublication } from '../../hooks/useReviews';
import { PeriodicReviews } from './PeriodicReviews';

interface Values {
  standardNumber: string;
  publicationDate: string;
  implementationDate: string;
  registrationNumber?: string;
}

const FIELDS = ['standardNumber', 'publicationDate', 'implementationDate', 'registrationNumber'] as const;

function PublicationModal({
  projectId,
  view,
  open,
  onClose,
  onSaved,
}: {
  projectId: string;
  view: PublicationView;
  open: boolean;
  onClose: () => void;
  onSaved: (updated: PublicationView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submitting, submit } = useFormSubmit<Values>(form, FIELDS, async (values) => {
    const registration = (values.registrationNumber ?? '').trim();
    const updated = await reviewApi.recordPublication(projectId, {
      standardNumber: values.standardNumber.trim(),
      publicationDate: values.publicationDate,
      implementationDate: values.implementationDate,
      registrationNumber: registration || null,
    });
    onClose();
    onSaved(updated);
  });
  const p = view.publication;
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('publication.title')}
      okText={t('publication.ok')}
      form={form}
      submitting={submitting}
      initialValues={{
        standardNumber: p?.standardNumber ?? '',
        publicationDate: p?.publicationDate ?? '',
        implementationDate: p?.implementationDate ?? '',
        // After the publication is recorded, the next step is the registration: offer the next free number.
        registrationNumber: p ? (p.registrationNumber ?? view.suggestedRegistrationNumber) : '',
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="standardNumber" label={t('publication.standardNumber')} rules={[required]}>
        <Input placeholder="T/ZZB 0123—2026" data-testid="publication-number" />
      </Form.Item>
      <Form.Item name="publicationDate" label={t('publication.publicationDate')} rules={[required]}>
        <Input type="date" data-testid="publication-date" />
      </Form.Item>
      <Form.Item name="implementationDate" label={t('publication.implementationDate')} rules={[required]}>
        <Input type="date" data-testid="publication-implementation" />
      </Form.Item>
      <Form.Item
        name="registrationNumber"
        label={t('publication.registrationNumber')}
        extra={t('publication.registrationHint', { suggested: view.suggestedRegistrationNumber })}
      >
        <Input placeholder={view.suggestedRegistrationNumber} data-testid="publication-registration" />
      </Form.Item>
    </FormModal>
  );
}

/** 发布与认定 on the progress page: the standard number, dates and registration number; the province records them. */
export function PublicationCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const query = usePublication(projectId);
  const [open, setOpen] = useState(false);
  const view = query.data;
  if (!view || (!view.publication && !view.mayRecord)) return null;
  const p = view.publication;
  return (
    <Card
      size="small"
      title={t('publication.cardTitle')}
      extra={
        view.mayRecord ? (
          <Button type={p ? 'default' : 'primary'} onClick={() => setOpen(true)} data-testid="publication-record">
            {p ? (p.registrationNumber ? t('publication.edit') : t('publication.register')) : t('publication.record')}
          </Button>
        ) : null
      }
      data-testid="publication-card"
    >
      {p ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('publication.standardNumber')}>{p.standardNumber}</Descriptions.Item>
          <Descriptions.Item label={t('publication.publicationDate')}>{p.publicationDate}</Descriptions.Item>
          <Descriptions.Item label={t('publication.implementationDate')}>{p.implementationDate}</Descriptions.Item>
          <Descriptions.Item label={t('publication.registrationNumber')}>
            <span data-testid="publication-registration-value">
              {p.registrationNumber ?? t('publication.notRegistered')}
            </span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('publication.none')}</Typography.Text>
      )}
      {p ? (
        <>
          <Divider style={{ margin: '8px 0 12px' }} />
          <PeriodicReviews projectId={projectId} view={view} />
        </>
      ) : null}
      {/* Mounted while open: each opening starts from the current record (and the suggested number). */}
      {view.mayRecord && open ? (
        <PublicationModal
          projectId={projectId}
          view={view}
          open={open}
          onClose={() => setOpen(false)}
          onSaved={query.setData}
        />
      ) : null}
    </Card>
  );
}
