import type { CommentMention } from '@shared/api/comments';

/** A comment's text with its @mentions emphasized. */
export function CommentBody({ body, mentions }: { body: string; mentions: CommentMention[] }) {
  const names = mentions.map((m) => m.name).filter((n) => n.length > 0);
  if (names.length === 0) return <span className="comment-body">{body}</span>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = body.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'g'));
  return (
    <span className="comment-body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="comment-mention">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
