import { useState } from 'react';
import { Button, Flex, Mentions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '@shared/api/types';
import { COMMENT_BODY_MAX } from '@shared/domain/comments';
import type { CommentText } from '../api/commentsApi';
import { mentionsIn } from '../lib/mentions';

interface CommentComposerProps {
  members: MemberView[];
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (text: CommentText) => Promise<void>;
  onCancel?: () => void;
}

/** A comment box with @mentions of the drafting group's members (antd Mentions). */
export function CommentComposer({
  members,
  placeholder,
  submitLabel,
  initial = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const empty = text.trim().length === 0;

  const submit = async () => {
    if (empty || busy) return;
    setBusy(true);
    try {
      await onSubmit({ body: text.trim(), mentions: mentionsIn(text, members) });
      setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="comment-composer">
      <Mentions
        value={text}
        onChange={setText}
        placeholder={placeholder}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={COMMENT_BODY_MAX}
        autoFocus={autoFocus}
        data-testid="comment-input"
        aria-label={placeholder}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
        options={members.map((m) => ({
          key: m.userId,
          value: m.name,
          label: (
            <span>
              {m.name}
              <span className="comment-composer__org">{m.organizationName}</span>
            </span>
          ),
        }))}
      />
      <Flex justify="flex-end" gap={8} className="comment-composer__actions">
        {onCancel ? (
          <Button size="small" onClick={onCancel} disabled={busy}>
            {t('app.cancel')}
          </Button>
        ) : null}
        <Button
          size="small"
          type="primary"
          onClick={() => void submit()}
          loading={busy}
          disabled={empty}
          data-testid="comment-submit"
        >
          {submitLabel}
        </Button>
      </Flex>
    </div>
  );
}
