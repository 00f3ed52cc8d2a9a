import { lazy, Suspense, useState } from 'react';
import { Alert, Breadcrumb, Flex, Spin, Tabs } from 'antd';
import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ItemView, RoundView, SnapshotView } from '@shared/api/consultation';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { describeError } from '../../../lib/errors';
import type { TableSort } from '../api/consultationApi';
import { useRound } from '../hooks/useRound';
import { useSnapshot } from '../hooks/useSnapshot';
import { projectRoundsPath } from '../lib/paths';
import { AssignModal } from './AssignModal';
import { DecideModal } from './DecideModal';
import { ItemFormModal } from './ItemFormModal';
import { RecipientsPanel } from './RecipientsPanel';
import { RoundEditModal } from './RoundEditModal';
import { RoundHeader } from './RoundHeader';
import { RoundTitle } from './RoundTitle';
import { TableTab } from './TableTab';
import { PageLoadError } from '../../../components/PageLoadError';

// TipTap is loaded only when the frozen draft is shown.
const SnapshotViewer = lazy(() => import('./SnapshotViewer'));

type Dialog =
  | { kind: 'item'; item?: ItemView; recipientId?: string }
  | { kind: 'decide'; item: ItemView }
  | { kind: 'assign'; item: ItemView }
  | { kind: 'round' };

const centered = (
  <Flex justify="center" style={{ padding: 64 }}>
    <Spin size="large" />
  </Flex>
);

/** One consultation round: the header, the live summary-and-handling table, the recipients and the frozen draft. */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(roundId);
  const snapshot = useSnapshot(roundId);

  if (round.loading && !round.data) return centered;
  if (round.error && !round.data) {
    return (
      <PageLoadError error={round.error} onRetry={round.reload} notFoundTitle={t('consultation.round.notFound')} />
    );
  }
  if (!round.data) return null;
  return <RoundContent view={round.data} reload={round.reload} snapshot={snapshot} />;
}

function RoundContent({
  view,
  reload,
  snapshot,
}: {
  view: RoundView;
  reload: () => void;
  snapshot: ApiQuery<SnapshotView>;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<TableSort>('seq');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [tab, setTab] = useState('table');
  // The clause of the frozen draft to scroll to (a link in the table's 标准章条编号 column).
  const [draftFocus, setDraftFocus] = useState<string | null>(null);
  const { round, header } = view;
  const showInDraft = (clauseId: string) => {
    setDraftFocus(clauseId);
    setTab('snapshot');
  };
  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    reload();
  };

  const tabs: TabsProps['items'] = [
    {
      key: 'table',
      label: <span data-testid="round-tab-table">{t('consultation.tabs.table')}</span>,
      children: (
        <TableTab
          view={view}
          sort={sort}
          onSortChange={setSort}
          onAdd={() => setDialog({ kind: 'item' })}
          onDecide={(item) => setDialog({ kind: 'decide', item })}
          onAssign={(item) => setDialog({ kind: 'assign', item })}
          onEdit={(item) => setDialog({ kind: 'item', item })}
          onChanged={reload}
          onShowInDraft={showInDraft}
        />
      ),
    },
    {
      key: 'recipients',
      label: (
        <span data-testid="round-tab-recipients">
          {view.access.unitOnly
            ? t('consultation.unit.replyTab')
            : t('consultation.tabs.recipients', { count: round.recipients.length })}
        </span>
      ),
      children: (
        <RecipientsPanel
          view={view}
          onAddComment={(recipientId) => setDialog({ kind: 'item', recipientId })}
          onChanged={reload}
        />
      ),
    },
    {
      key: 'snapshot',
      label: <span data-testid="round-tab-snapshot">{t('consultation.tabs.snapshot')}</span>,
      children: snapshot.data ? (
        <Suspense fallback={centered}>
          <SnapshotViewer snapshot={snapshot.data} focusNodeId={tab === 'snapshot' ? draftFocus : null} />
        </Suspense>
      ) : snapshot.error ? (
        <Alert type="error" showIcon title={describeError(snapshot.error, t)} />
      ) : (
        centered
      ),
    },
  ];

  return (
    <div className="page" data-testid="round-page" data-round-id={round.id}>
      <Breadcrumb
        items={[
          { title: <Link to="/projects">{t('nav.projects')}</Link> },
          // A consulted unit outside the drafting group has no project page.
          {
            title: view.access.unitOnly ? (
              header.standardName
            ) : (
              <Link to={projectRoundsPath(round.projectId)}>{header.standardName}</Link>
            ),
          },
          { title: round.title },
        ]}
      />
      <RoundTitle view={view} onEdit={() => setDialog({ kind: 'round' })} onChanged={reload} />
      <RoundHeader header={header} />
      {view.access.unitOnly ? (
        <Alert
          type="info"
          showIcon
          data-testid="round-unit-notice"
          title={t('consultation.unit.notice', {
            units: round.recipients.map((r) => r.unitName).join('、'),
            deadline: round.deadline,
          })}
          style={{ marginTop: 8 }}
        />
      ) : null}
      <Tabs items={tabs} activeKey={tab} onChange={setTab} destroyOnHidden={false} style={{ marginTop: 8 }} />
      <ItemFormModal
        view={view}
        outline={snapshot.data?.outline ?? []}
        outlineLoading={snapshot.loading}
        open={dialog?.kind === 'item'}
        item={dialog?.kind === 'item' ? dialog.item : undefined}
        recipientId={dialog?.kind === 'item' ? dialog.recipientId : undefined}
        onClose={close}
        onSaved={saved}
      />
      {dialog?.kind === 'decide' ? (
        <DecideModal
          roundId={round.id}
          documentId={round.documentId}
          item={dialog.item}
          onClose={close}
          onSaved={saved}
        />
      ) : null}
      {dialog?.kind === 'assign' ? (
        <AssignModal
          projectId={round.projectId}
          roundId={round.id}
          item={dialog.item}
          onClose={close}
          onSaved={saved}
        />
      ) : null}
      {dialog?.kind === 'round' ? <RoundEditModal round={round} onClose={close} onSaved={saved} /> : null}
    </div>
  );
}
