import { useMemo } from 'react';
import { Breadcrumb, Tabs, Typography } from 'antd';
import { EditorContent } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentResponse } from '@shared/api/types';
import type { PresenceUser } from '@shared/domain/user';
import { useCurrentUser } from '../../features/auth/hooks/useAuth';
import { colorForUser } from '../../lib/presenceColor';
import { StageTag } from '../../features/projects/components/StageTag';
import { useBeforeUnloadWarning } from '../../features/document/hooks/useBeforeUnloadWarning';
import { useCollaborativeEditor } from '../../features/document/hooks/useCollaborativeEditor';
import { useNodeParam } from '../../features/document/hooks/useNodeParam';
import { useTextShown } from '../../features/document/hooks/useTextShown';
import type { CollaborationSession } from '../../features/document/lib/CollaborationSession';
import { ConnectionStatus } from '../../features/document/components/ConnectionStatus';
import { StorageWarning } from '../../features/document/components/StorageWarning';
import { EditorToolbar } from '../../features/document/components/EditorToolbar';
import { DocumentExportButtons } from '../../features/document/components/DocumentExportButtons';
import { OutlineSidebar } from '../../features/document/components/OutlineSidebar';
import { PresenceList } from '../../features/document/components/PresenceList';
import { ReadOnlyNotice } from '../../features/document/components/ReadOnlyNotice';
import { StructureProvider, useCrossDocumentLabels } from '../../features/structure';
import { CheckerPanel } from '../../features/checker/components/CheckerPanel';
import './workspace.css';
import { CommentPanel } from '../../features/comments/components/CommentPanel';
import { CommentStartButton } from '../../features/comments/components/CommentStartButton';
import { useCommentsController } from '../../features/comments/hooks/useCommentsController';
import { HistoryPanel } from '../../features/history';
import { VersionsPanel } from '../../features/versions';

interface DocumentWorkspaceProps {
  session: CollaborationSession;
  meta: DocumentResponse;
}

/** The drafting workspace: header with presence and connection, toolbar, outline and the A4-like page. */
export function DocumentWorkspace({ session, meta }: DocumentWorkspaceProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { document, project } = meta;
  const canEdit = project.access.canEdit;

  const presenceUser = useMemo<PresenceUser>(
    () => ({ id: user.id, name: user.name, organization: user.organizationName, color: colorForUser(user.id) }),
    [user.id, user.name, user.organizationName],
  );
  const comments = useCommentsController();
  const editor = useCollaborativeEditor(session, presenceUser, canEdit, document.title, comments.extensions);
  const external = useCrossDocumentLabels(editor, document, project.documents);
  const structure = useMemo(() => ({ projectId: project.id }), [project.id]);
  useNodeParam(editor);
  useBeforeUnloadWarning(session.sync);
  // The text is drawn first; the panels beside it are mounted right after (useTextShown.ts).
  const panels = useTextShown(session);

  return (
    <div className="workspace">
      <header className="workspace__header">
        <div className="workspace__title">
          <Breadcrumb
            items={[
              { title: <Link to="/projects">{t('nav.projects')}</Link> },
              { title: <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.nameZh}</Link> },
              { title: t(`enums.documentKind.${document.kind}`) },
            ]}
          />
          <Typography.Title level={4} className="workspace__doc-title" data-testid="document-title">
            {document.title}
            <StageTag stage={project.stage} />
          </Typography.Title>
        </div>
        <div className="workspace__status">
          <DocumentExportButtons documentId={document.id} />
          <ConnectionStatus tracker={session.sync} />
          <StorageWarning awareness={session.provider.awareness} />
          <PresenceList awareness={session.provider.awareness} selfId={user.id} selfReadOnly={!canEdit} />
        </div>
      </header>
      {canEdit ? null : <ReadOnlyNotice access={project.access} />}
      <div className="workspace__body">
        <aside className="workspace__outline workspace__sidebar">
          <div className="workspace__sidebar-part workspace__sidebar-part--outline">
            {panels ? <OutlineSidebar editor={editor} /> : null}
          </div>
          <div className="workspace__sidebar-part workspace__sidebar-part--checker">
            {panels ? <CheckerPanel editor={editor} awareness={session.provider.awareness} /> : null}
          </div>
        </aside>
        <main className="workspace__main">
          <div className="comment-toolbar-row">
            <EditorToolbar editor={editor} disabled={!canEdit} external={external} kind={document.kind} />
            <CommentStartButton
              editor={editor}
              controller={comments.controller}
              canComment={project.access.canComment}
            />
          </div>
          <div className="workspace__scroll">
            <article className="standard-page" data-testid="editor" data-editable={canEdit ? 'true' : 'false'}>
              <StructureProvider value={structure}>
                <EditorContent editor={editor} />
              </StructureProvider>
            </article>
          </div>
        </main>
        <aside className="workspace__comments">
          {/* Beside the text: comments (first, kept mounted for their highlights), the change history, the versions. */}
          {panels ? (
            <Tabs
              className="workspace__side-tabs"
              size="small"
              items={[
                {
                  key: 'comments',
                  label: t('comments.title'),
                  children: (
                    <CommentPanel
                      editor={editor}
                      controller={comments.controller}
                      project={project}
                      documentId={document.id}
                    />
                  ),
                },
                {
                  key: 'history',
                  label: <span data-testid="history-tab">{t('history.tab')}</span>,
                  children: <HistoryPanel editor={editor} projectId={project.id} documentId={document.id} />,
                },
                {
                  key: 'versions',
                  label: <span data-testid="versions-tab">{t('versions.title')}</span>,
                  children: <VersionsPanel documentId={document.id} projectId={project.id} access={project.access} />,
                },
              ]}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
