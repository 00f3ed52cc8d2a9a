import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicationView } from '@shared/api/reviews';
import type { PeriodicReviewConclusion } from '@shared/workflow/publication';
import { PERIODIC_REVIEW_CONCLUSIONS } from '@shared/workflow/publication';
import { periodicReviewBody } from '@shared/validation/reviews';
import { FormModal } from '../../../../components/FormModal';
import { useFormSubmit } from '../../../../hooks/useFormSubmit';
import { maxLengthOf } from '../../../../lib/schemaLimits';
import { reviewApi } from '../../api/reviewApi';

interface Values {
  conclusion: PeriodicReviewConclusion;
  note: string;
}

const COLORS: Record<PeriodicReviewConclusion, string> = { keep: 'green', revise: 'blue', abolish: 'red' };

function PeriodicReviewModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submitting, submit } = useFormSubmit<Values>(form, ['conclusion', 'note'], async (values) => {
    await reviewApi.recordPeriodicReview(projectId, { conclusion: values.conclusion, note: values.note.trim() });
    onClose();
  });
  return (
    <FormModal<Values>
      open
      title={t('periodicReview.title')}
      okText={t('periodicReview.ok')}
      form={form}
      submitting={submitting}
      initialValues={{ conclusion: 'keep' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="conclusion" label={t('periodicReview.conclusion')} extra={t('periodicReview.reviseHint')}>
        <Radio.Group data-testid="periodic-conclusion">
          {PERIODIC_REVIEW_CONCLUSIONS.map((c) => (
            <Radio.Button key={c} value={c}>
              {t(`periodicReview.${c}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('periodicReview.note')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={3} maxLength={maxLengthOf(periodicReviewBody.shape.note)} data-testid="periodic-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 复审 of a published standard: the reviews with their conclusion (a 修订 links its new project), the form. */
export function PeriodicReviews({ projectId, view }: { projectId: string; view: PublicationView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const abolished = view.periodicReviews.some((r) => r.conclusion === 'abolish');
  return (
    <Flex vertical gap={8} data-testid="periodic-reviews">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('periodicReview.heading')}</Typography.Text>
        {view.mayReviewPeriodically && !abolished ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid="periodic-record">
            {t('periodicReview.record')}
          </Button>
        ) : null}
      </Flex>
      {view.periodicReviewDue && !abolished ? (
        <Alert type="warning" showIcon message={t('periodicReview.due')} />
      ) : null}
      {view.periodicReviews.length > 0 ? (
        <List
          size="small"
          dataSource={view.periodicReviews}
          renderItem={(r) => (
            <List.Item>
              <Flex vertical gap={2}>
                <span>
                  <Tag color={COLORS[r.conclusion]}>{t(`periodicReview.${r.conclusion}`)}</Tag>
                  {r.recordedAt.slice(0, 10)} · {r.recordedByName}
                </span>
                <Typography.Text type="secondary">{r.note}</Typography.Text>
                {r.revisionProjectId ? (
                  <Link to={`/projects/${encodeURIComponent(r.revisionProjectId)}`}>
                    {t('periodicReview.revision')}
                  </Link>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('periodicReview.none')}</Typography.Text>
      )}
      {open ? <PeriodicReviewModal projectId={projectId} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
}
