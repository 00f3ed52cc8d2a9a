import { useEffect, useState } from 'react';
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncSnapshot } from '../lib/SyncTracker';

/** While connected, changes are acknowledged within a fraction of a second: only a lasting backlog is shown. */
const CONNECTED_UNSYNCED_DISPLAY_DELAY_MS = 1500;

const BADGE: Record<SyncSnapshot['connection'], 'success' | 'processing' | 'default'> = {
  connected: 'success',
  connecting: 'processing',
  offline: 'default',
};

/**
 * 已连接 / 连接中 / 离线, and 有未同步的修改 when local edits are not yet acknowledged by the server.
 * `data-state` and `data-unsynced` always carry the exact state; only the visible hint is delayed
 * while connected, so that it does not flicker during normal typing.
 */
export function ConnectionStatus({ snapshot }: { snapshot: SyncSnapshot }) {
  const { t } = useTranslation();
  const { connection, unsynced } = snapshot;
  const [showUnsynced, setShowUnsynced] = useState(unsynced && connection !== 'connected');

  useEffect(() => {
    if (!unsynced) {
      setShowUnsynced(false);
      return undefined;
    }
    if (connection !== 'connected') {
      setShowUnsynced(true);
      return undefined;
    }
    const timer = setTimeout(() => setShowUnsynced(true), CONNECTED_UNSYNCED_DISPLAY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [unsynced, connection]);

  const label = t(`document.connection.${connection}`);
  const hint =
    connection === 'offline'
      ? t('document.connection.offlineHint')
      : unsynced
        ? t('document.connection.unsynced')
        : t('document.connection.synced');

  return (
    <Tooltip title={hint}>
      <span
        className={`connection-status connection-status--${connection}`}
        data-testid="connection-status"
        data-state={connection}
        data-unsynced={unsynced ? 'true' : 'false'}
        role="status"
        aria-live="polite"
      >
        <Badge status={BADGE[connection]} text={label} />
        {showUnsynced ? <span className="connection-status__unsynced">{t('document.connection.unsynced')}</span> : null}
      </span>
    </Tooltip>
  );
}
