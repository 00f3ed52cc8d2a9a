import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProjectListItem } from '../../../../../shared/api/types';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { describeError } from '../../../lib/errors';
import { applyServerIssues } from '../../../lib/formErrors';
import { todayIso } from '../../../lib/format';
import { DEFAULT_PUBLISHING_BODY } from '../../../../../shared/validation/requests';
import { projectsApi } from '../api/projectsApi';
import { PLAN_FIELD_NAMES, toCreateBody } from '../lib/planForm';
import type { PlanFormValues } from '../lib/planForm';
import { PlanFormFields } from './PlanFormFields';

interface ProjectCreateModalProps {
  open: boolean;
  organizations: OrganizationView[];
  onClose: () => void;
  onCreated: (project: ProjectListItem) => void;
}

/** POST /api/projects: an administrator or an enterprise user starts a standard project. */
export function ProjectCreateModal({ open, organizations, onClose, onCreated }: ProjectCreateModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: PlanFormValues) => {
    setSubmitting(true);
    try {
      const project = await projectsApi.create(toCreateBody(values));
      message.success(t('projects.created'));
      form.resetFields();
      onCreated(project);
    } catch (error) {
      if (!applyServerIssues(form, error, PLAN_FIELD_NAMES)) message.error(describeError(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('projects.createTitle')}
      okText={t('app.create')}
      cancelText={t('app.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ standardType: 'product', publicationCategory: 'T', startDate: todayIso(), supervisingBureauIds: [], publishingBody: DEFAULT_PUBLISHING_BODY }}
        onFinish={(values) => void submit(values)}
      >
        <PlanFormFields mode="create" organizations={organizations} chooseLeadUnit={user.isAdmin} />
      </Form>
    </Modal>
  );
}
