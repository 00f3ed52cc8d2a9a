import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProjectListItem } from '@shared/api/types';
import { useCurrentUser } from '../../auth';
import { todayIso } from '../../../lib/format';
import { DEFAULT_PUBLISHING_BODY } from '@shared/validation/requests';
import { projectsApi } from '../api/projectsApi';
import { PLAN_FIELD_NAMES, toCreateBody } from '../lib/planForm';
import type { PlanFormValues } from '../lib/planForm';
import { PlanFormFields } from './PlanFormFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { FormModal } from '../../../components/FormModal';

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

  const { submitting, submit } = useFormSubmit(form, PLAN_FIELD_NAMES, async (values: PlanFormValues) => {
    const project = await projectsApi.create(toCreateBody(values));
    void message.success(t('projects.created'));
    form.resetFields();
    onCreated(project);
  });

  return (
    <FormModal<PlanFormValues>
      open={open}
      title={t('projects.createTitle')}
      okText={t('app.create')}
      form={form}
      submitting={submitting}
      initialValues={{
        standardType: 'product',
        publicationCategory: 'T',
        startDate: todayIso(),
        supervisingBureauIds: [],
        publishingBody: DEFAULT_PUBLISHING_BODY,
      }}
      onSubmit={submit}
      onClose={onClose}
      width={680}
    >
      <PlanFormFields mode="create" organizations={organizations} chooseLeadUnit={user.isAdmin} />
    </FormModal>
  );
}
