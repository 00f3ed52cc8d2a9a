import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProjectListItem } from '@shared/api/types';
import { projectsApi } from '../api/projectsApi';
import { PLAN_FIELD_NAMES, fromProject, toUpdateBody } from '../lib/planForm';
import type { PlanFormValues } from '../lib/planForm';
import { PlanFormFields } from './PlanFormFields';
import { useFormSubmit } from '../../../hooks/useFormSubmit';

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
    <Modal
      open={open}
      title={t('project.editPlan')}
      okText={t('app.save')}
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
        initialValues={fromProject(project)}
        onFinish={(values) => void submit(values)}
      >
        <PlanFormFields mode="edit" organizations={organizations} chooseLeadUnit={false} />
      </Form>
    </Modal>
  );
}
