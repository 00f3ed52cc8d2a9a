/** The pure parts: footer counts computed from recipients and items, and the order "by clause". */
import { describe, expect, it } from 'vitest';
import { compareClauseLabels, sortByClause } from '@shared/consultation/clauseOrder.js';
import { summarizeRound, summaryLines } from '@shared/consultation/summary.js';

describe('summarizeRound', () => {
  it('counts ① sent, ② replied, ③ with comments, ④ = ① − ② and the decisions', () => {
    const recipients = [
      { id: 'a', reply: 'with-comments' as const },
      { id: 'b', reply: 'no-comments' as const },
      { id: 'c', reply: 'none' as const },
      // Stored reply lagging behind: an item makes the unit one that replied with comments.
      { id: 'd', reply: 'none' as const },
    ];
    const items = [
      { recipientId: 'a', decision: 'accepted' as const },
      { recipientId: 'a', decision: null },
      { recipientId: 'd', decision: 'rejected' as const },
      { recipientId: 'd', decision: 'partly-accepted' as const },
    ];
    const summary = summarizeRound(recipients, items);
    expect(summary).toEqual({
      sent: 4,
      replied: 3,
      repliedWithComments: 2,
      notReplied: 1,
      items: 4,
      accepted: 1,
      partlyAccepted: 1,
      rejected: 1,
      open: 1,
    });
    expect(summary.notReplied).toBe(summary.sent - summary.replied);
    expect(summaryLines(summary)[0]).toBe('说明：①发送《征求意见稿》的单位数：4个；');
    expect(summaryLines(summary)[4]).toBe('共收到意见4条，其中采纳1条，部分采纳1条，不采纳1条，尚未处理1条。');
  });

  it('is all zeros for an empty round', () => {
    expect(summarizeRound([], [])).toMatchObject({ sent: 0, replied: 0, notReplied: 0, items: 0, open: 0 });
  });
});

describe('sorting by clause', () => {
  it('puts general remarks first, then clauses numerically, tables and figures, annexes, bibliography', () => {
    const labels = [
      '附录A',
      '5.10',
      '参考文献',
      '表A.1',
      '5.2',
      '图1',
      '全文',
      '前言',
      'A.1',
      '10',
      '表2',
      '5.2.1',
      '2',
      '其他意见',
    ];
    expect([...labels].sort(compareClauseLabels)).toEqual([
      '全文',
      '前言',
      '其他意见',
      '2',
      '5.2',
      '5.2.1',
      '5.10',
      '10',
      '表2',
      '图1',
      '附录A',
      'A.1',
      '表A.1',
      '参考文献',
    ]);
  });

  it('keeps 序号 order within a clause', () => {
    const items = [
      { clauseLabel: '6.1', seq: 1 },
      { clauseLabel: '5.1', seq: 2 },
      { clauseLabel: '6.1', seq: 3 },
      { clauseLabel: '5.1 第二段', seq: 4 },
    ];
    expect(sortByClause(items).map((i) => i.seq)).toEqual([2, 4, 1, 3]);
  });
});
