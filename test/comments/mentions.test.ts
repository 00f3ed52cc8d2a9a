/** Mentions in a comment's text: the longest member name after each @ counts, nothing more. */
import { describe, expect, it } from 'vitest';
import { mentionsIn } from '../../client/src/features/comments/lib/mentions.js';
import { NO_FILTERS, applyFilters } from '../../client/src/features/comments/lib/threadFilters.js';
import type { ThreadView } from '@shared/api/comments.js';

const members = [
  { userId: 'u1', name: '张三' },
  { userId: 'u2', name: '张三丰' },
  { userId: 'u3', name: 'Li' },
  { userId: 'u4', name: '' },
];

describe('mentionsIn', () => {
  it('does not mention a member whose name is a prefix of the one written', () => {
    expect(mentionsIn('@张三丰 请看 5.2', members)).toEqual(['u2']);
  });
  it('mentions the shorter name when it is the one written, even without a space after it', () => {
    expect(mentionsIn('@张三请核对', members)).toEqual(['u1']);
    expect(mentionsIn('@张三 和 @张三丰', members).sort()).toEqual(['u1', 'u2']);
  });
  it('ignores names not preceded by @, unknown names and repeats', () => {
    expect(mentionsIn('张三丰说 @王五 @Li @Li', members)).toEqual(['u3']);
    expect(mentionsIn('@', members)).toEqual([]);
  });
});

describe('the "mentions me" filter', () => {
  const thread = (id: string, mentioned: string[]): ThreadView =>
    ({
      id,
      status: 'open',
      comments: [{ mentions: mentioned.map((userId) => ({ userId, name: '' })) }],
    }) as unknown as ThreadView;
  it('keeps only the threads with a comment mentioning the user', () => {
    const threads = [thread('a', ['u1']), thread('b', ['u2']), thread('c', [])];
    const kept = applyFilters(threads, { ...NO_FILTERS, mentioning: 'u1' }, () => 'open');
    expect(kept.map((t) => t.id)).toEqual(['a']);
    expect(applyFilters(threads, NO_FILTERS, () => 'open')).toHaveLength(3);
  });
});
