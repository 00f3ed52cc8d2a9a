import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProjectListItem } from '@shared/api/types';
import { projectsApi } from '../api/projectsApi';
import { PLAN_FIELD_NAMES, fromProject, toUpdateBody } from '../lib/planForm';
import type { PlanFormValues } from '../lib/planForm';
import { PlanFormFields } from './PlanFormFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { FormModal } from '../../../components/FormModal';

interface PlanEditModalProps {
  project: ProjectListItem;
  organizations: OrganizationView[];
  open: boolean;
  onClose: () => void;
  onSaved: (project: ProjectListItem) => void;
}

/** PATCH /api/projects/:id for the lead and administrators. */
export function PlanEditModal({ project, organizations, open, onClose, onSaved }: PlanEditModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();

  const { submitting, submit } = useFormSubmit(form, PLAN_FIELD_NAMES, async (values: PlanFormValues) => {
    const saved = await projectsApi.update(project.id, toUpdateBody(values));
    void message.success(t('project.planSaved'));
    onSaved(saved);
  });

  return (
    <FormModal<PlanFormValues>
      open={open}
      title={t('project.editPlan')}
      okText={t('app.save')}
      form={form}
      submitting={submitting}
      initialValues={fromProject(project)}
      onSubmit={submit}
      onClose={onClose}
      width={680}
    >
      <PlanFormFields mode="edit" organizations={organizations} chooseLeadUnit={false} />
    </FormModal>
  );
}
