import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberView, OrganizationView } from '@shared/api/types';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { projectsApi } from '../api/projectsApi';
import { useReloadOnProjectEvents } from '../../../realtime/useReloadOnProjectEvents';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';

interface DraftingGroupPanelProps {
  projectId: string;
  members: MemberView[];
  canManage: boolean;
  currentUserId: string;
  organizations: OrganizationView[];
  onMembersChanged: () => void;
}

/** The drafting group tab: members for everyone; invitations and changes for managers. */
export function DraftingGroupPanel(props: DraftingGroupPanelProps) {
  const { projectId, members, canManage, currentUserId, organizations, onMembersChanged } = props;
  return (
    <Flex vertical gap={16}>
      <MembersTable
        projectId={projectId}
        members={members}
        organizations={organizations}
        canManage={canManage}
        currentUserId={currentUserId}
        onChanged={onMembersChanged}
      />
      {canManage ? (
        <ManagerPanels projectId={projectId} organizations={organizations} onMembersChanged={onMembersChanged} />
      ) : null}
    </Flex>
  );
}

const MEMBER_EVENTS = ['members-changed'] as const;

function ManagerPanels({
  projectId,
  organizations,
  onMembersChanged,
}: {
  projectId: string;
  organizations: OrganizationView[];
  onMembersChanged: () => void;
}) {
  const { t } = useTranslation();
  const invitations = useApiQuery((signal) => projectsApi.invitations(projectId, signal), [projectId]);
  // An accepted invitation leaves the pending list.
  useReloadOnProjectEvents(projectId, MEMBER_EVENTS, invitations.reload);
  return (
    <>
      <Card title={t('invite.title')} size="small">
        <InviteForm
          projectId={projectId}
          organizations={organizations}
          onInvited={(response) => (response.kind === 'added' ? onMembersChanged() : invitations.reload())}
        />
      </Card>
      <Card title={t('project.invitations')} size="small">
        <InvitationsTable
          projectId={projectId}
          invitations={invitations.data ?? []}
          loading={invitations.loading}
          onChanged={invitations.reload}
        />
      </Card>
    </>
  );
}
