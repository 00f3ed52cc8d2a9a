import type { CommentMention } from '@shared/api/comments';

/** A comment's text with its @mentions emphasized. */
export function CommentBody({ body, mentions }: { body: string; mentions: CommentMention[] }) {
  const names = mentions.map((m) => m.name).filter((n) => n.length > 0);
  if (names.length === 0) return <span className="comment-body">{body}</span>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = body.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'g'));
  // Every second part is a mention; a part is known by where it starts in the text.
  let start = 0;
  const segments = parts.map((text, i) => {
    const segment = { text, start, mention: i % 2 === 1 };
    start += text.length;
    return segment;
  });
  return (
    <span className="comment-body">
      {segments.map((segment) =>
        segment.mention ? (
          <span key={segment.start} className="comment-mention">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </span>
  );
}
