import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { usePresence } from '../hooks/usePresence';

/** Everyone in the document: avatar in their caret colour, name and organization; yourself marked 我. */
interface PresenceListProps {
  awareness: Awareness;
  selfId: string;
  /** Our own entry comes from the local state, which the server's read-only mark never reaches. */
  selfReadOnly: boolean;
}

export function PresenceList({ awareness, selfId, selfReadOnly }: PresenceListProps) {
  const { t } = useTranslation();
  const entries = usePresence(awareness, selfId).map((entry) =>
    entry.isSelf && selfReadOnly ? { ...entry, readOnly: true } : entry,
  );
  return (
    <ul
      className="presence-list"
      aria-label={t('document.presence')}
      data-testid="presence-list"
      data-count={entries.length}
    >
      {entries.map((entry) => (
        <Tooltip
          key={entry.id}
          title={
            <div>
              <div>{entry.name}</div>
              <div>{entry.organization}</div>
              {entry.readOnly ? <div>{t('document.readOnlyTag')}</div> : null}
            </div>
          }
        >
          <li className="presence-user" data-testid="presence-user" data-user-id={entry.id} data-self={entry.isSelf}>
            {/* The initial is drawn by CSS so that the entry's text is exactly the name (and 我). */}
            <span
              className="presence-user__avatar"
              style={{ backgroundColor: entry.color }}
              data-initial={Array.from(entry.name)[0] ?? '?'}
              aria-hidden
            />
            <span className="presence-user__text">
              <span className="presence-user__name" style={{ color: entry.color }}>
                {entry.name}
                {entry.isSelf ? <span className="presence-user__self">（{t('nav.me')}）</span> : null}
              </span>
              <Typography.Text type="secondary" className="presence-user__org">
                {entry.organization}
                {entry.readOnly ? ` · ${t('document.readOnlyTag')}` : ''}
              </Typography.Text>
            </span>
          </li>
        </Tooltip>
      ))}
    </ul>
  );
}
