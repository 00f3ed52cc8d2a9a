import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MemberView, ProjectListItem } from '@shared/api/types';
import { describeError } from '../../../lib/errors';
import { useRoundList } from '../hooks/useRoundList';
import { roundPath } from '../lib/paths';
import { OpenRoundModal } from './OpenRoundModal';
import { RoundsTable } from './RoundsTable';

interface RoundsTabProps {
  project: ProjectListItem;
  members: MemberView[];
}

/** The 征求意见 tab of a project: its rounds and, for the lead, 发起征求意见. */
export function RoundsTab({ project, members }: RoundsTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rounds = useRoundList(project.id);
  const [opening, setOpening] = useState(false);

  return (
    <Flex vertical gap={12} data-testid="rounds-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('consultation.tabIntro')}</Typography.Text>
        {project.access.canManage ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
            {t('consultation.open.button')}
          </Button>
        ) : null}
      </Flex>
      {rounds.error ? <Alert type="error" showIcon title={describeError(rounds.error, t)} /> : null}
      <RoundsTable rounds={rounds.data ?? []} loading={rounds.loading && !rounds.data} />
      {opening ? (
        <OpenRoundModal
          projectId={project.id}
          members={members}
          onClose={() => setOpening(false)}
          onOpened={(view) => {
            setOpening(false);
            void navigate(roundPath(project.id, view.round.id));
          }}
        />
      ) : null}
    </Flex>
  );
}
