import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncSnapshot, SyncTracker } from '../lib/SyncTracker';
import { useConnectionState, useSyncSnapshot } from '../hooks/useSyncSnapshot';
import { useUnsyncedDisplay } from '../hooks/useUnsyncedDisplay';

const BADGE: Record<SyncSnapshot['connection'], 'success' | 'processing' | 'default'> = {
  connected: 'success',
  connecting: 'processing',
  offline: 'default',
};

/** The tooltip's explanation: mounted only while the tooltip is open, so only then does it follow every change. */
function SyncHint({ tracker }: { tracker: SyncTracker }) {
  const { t } = useTranslation();
  const { connection, unsynced } = useSyncSnapshot(tracker);
  if (connection === 'offline') return <>{t('document.connection.offlineHint')}</>;
  return <>{unsynced ? t('document.connection.unsynced') : t('document.connection.synced')}</>;
}

/**
 * 已连接 / 连接中 / 离线, and 有未同步的修改 when local edits are not yet acknowledged by the server.
 * `data-state` and `data-unsynced` always carry the exact state; only the visible hint is delayed
 * while connected, so that it does not flicker during normal typing. Typing re-renders nothing here:
 * `data-unsynced` is written by the subscription (see useUnsyncedDisplay).
 */
export function ConnectionStatus({ tracker }: { tracker: SyncTracker }) {
  const { t } = useTranslation();
  const connection = useConnectionState(tracker);
  const unsynced = useUnsyncedDisplay(tracker);
  return (
    <Tooltip title={<SyncHint tracker={tracker} />} destroyOnHidden>
      <span
        ref={unsynced.attributeRef}
        className={`connection-status connection-status--${connection}`}
        data-testid="connection-status"
        data-state={connection}
        role="status"
        aria-live="polite"
      >
        <Badge status={BADGE[connection]} text={t(`document.connection.${connection}`)} />
        {unsynced.visible ? (
          <span className="connection-status__unsynced">{t('document.connection.unsynced')}</span>
        ) : null}
      </span>
    </Tooltip>
  );
}
