import { useMemo } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { EditorContent } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentResponse } from '@shared/api/types';
import type { PresenceUser } from '@shared/domain/user';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { colorForUser } from '../../../lib/presenceColor';
import { StageTag } from '../../projects/components/StageTag';
import { useBeforeUnloadWarning } from '../hooks/useBeforeUnloadWarning';
import { useCollaborativeEditor } from '../hooks/useCollaborativeEditor';
import { useNodeParam } from '../hooks/useNodeParam';
import { useSyncSnapshot } from '../hooks/useSyncSnapshot';
import type { CollaborationSession } from '../lib/CollaborationSession';
import { ConnectionStatus } from './ConnectionStatus';
import { EditorToolbar } from './EditorToolbar';
import { OutlineSidebar } from './OutlineSidebar';
import { PresenceList } from './PresenceList';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { StructureProvider } from '../../structure/context/StructureContext';
import { useCrossDocumentLabels } from '../../structure/hooks/useCrossDocumentLabels';
import { CheckerPanel } from '../../checker/components/CheckerPanel';
import '../../structure/styles/structure.css';
import './workspace.css';
import { CommentPanel } from '../../comments/components/CommentPanel';
import { CommentStartButton } from '../../comments/components/CommentStartButton';
import { useCommentsController } from '../../comments/hooks/useCommentsController';

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
  const snapshot = useSyncSnapshot(session.sync);
  const external = useCrossDocumentLabels(editor, document, project.documents);
  const structure = useMemo(() => ({ projectId: project.id }), [project.id]);
  useBeforeUnloadWarning(snapshot.unsynced);
  useNodeParam(editor);

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
          <ConnectionStatus snapshot={snapshot} />
          <PresenceList awareness={session.provider.awareness} selfId={user.id} selfReadOnly={!canEdit} />
        </div>
      </header>
      {canEdit ? null : <ReadOnlyNotice access={project.access} />}
      <div className="workspace__body">
        <aside className="workspace__outline workspace__sidebar">
          <div className="workspace__sidebar-part workspace__sidebar-part--outline">
            <OutlineSidebar editor={editor} />
          </div>
          <div className="workspace__sidebar-part workspace__sidebar-part--checker">
            <CheckerPanel editor={editor} awareness={session.provider.awareness} />
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
          <CommentPanel editor={editor} controller={comments.controller} project={project} documentId={document.id} />
        </aside>
      </div>
    </div>
  );
}
