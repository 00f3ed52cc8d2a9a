import { useCallback, useState } from 'react';
import { Alert, App, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CloseCode } from '@shared/collab/closeCodes';
import { useAuth, useCurrentUser } from '../../features/auth/hooks/useAuth';
import { useApiQuery } from '../../hooks/useApiQuery';
import { isStatus } from '../../lib/errors';
import { documentsApi } from '../../features/document/api/documentsApi';
import { useCollaborationSession } from '../../features/document/hooks/useCollaborationSession';
import { useSessionEvents } from '../../features/document/hooks/useSessionEvents';
import type { SessionEvent } from '../../features/document/lib/CollaborationSession';
import { DocumentForbidden } from '../../features/document/components/DocumentForbidden';
import { DocumentWorkspace } from './DocumentWorkspace';
import { LoadError } from '../../components/LoadError';

/** /documents/:id — loads the document's project and access, opens the collaboration session. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { markSignedOut } = useAuth();
  const meta = useApiQuery((signal) => documentsApi.get(id, signal), [id]);
  const [closed, setClosed] = useState<{ code: number; reason: string } | null>(null);
  const [closedFor, setClosedFor] = useState(id);
  if (closedFor !== id) {
    setClosedFor(id);
    setClosed(null);
  }
  // Connects beside the metadata request, not after it: the server loads the document (and the
  // browser opens its offline copy) while the workspace is being drawn. A document the user may
  // not open is refused on the socket too, and the session closes as soon as the request fails.
  const session = useCollaborationSession((meta.error && !meta.data) || closed ? null : id, user.id);

  const onSessionEvent = useCallback(
    (event: SessionEvent) => {
      if (event.type === 'access-changed') {
        void message.info(t('document.accessChanged'));
        meta.reload();
        return;
      }
      if (event.code === CloseCode.Unauthenticated) {
        markSignedOut();
        return;
      }
      setClosed({ code: event.code, reason: event.reason });
    },
    [markSignedOut, message, meta, t],
  );
  useSessionEvents(session, onSessionEvent);

  if (meta.error && !meta.data) {
    if (isStatus(meta.error, 403)) return <DocumentForbidden />;
    if (isStatus(meta.error, 404)) return <DocumentForbidden notFound />;
    return (
      <div className="page">
        <LoadError error={meta.error} onRetry={meta.reload} />
      </div>
    );
  }
  if (closed?.code === CloseCode.Forbidden) return <DocumentForbidden />;
  if (closed) {
    return (
      <div className="page">
        <Alert type="error" showIcon title={t('errors.server')} description={`${closed.code} ${closed.reason}`} />
      </div>
    );
  }
  if (!meta.data || meta.data.document.id !== id || !session) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return <DocumentWorkspace key={session.documentId} session={session} meta={meta.data} />;
}
