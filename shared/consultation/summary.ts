/**
 * The footer counts of the 征求意见汇总处理表, computed from the recipient list and the items —
 * never typed: ① units sent the draft, ② units that replied, ③ units that replied with comments,
 * ④ units that did not reply (① − ②), and the items accepted / partly accepted / rejected / open.
 */
import type { ConsultationItem, Decision, Recipient } from '../domain/consultation.js';

export interface RoundSummary {
  /** ① 发送《征求意见稿》的单位数 */
  sent: number;
  /** ② 收到《征求意见稿》后，回函的单位数 */
  replied: number;
  /** ③ 收到《征求意见稿》后，回函并有建议或意见的单位数 */
  repliedWithComments: number;
  /** ④ 没有回函的单位数 (= ① − ②) */
  notReplied: number;
  items: number;
  accepted: number;
  partlyAccepted: number;
  rejected: number;
  /** Items without a decision yet. */
  open: number;
}

type SummaryItem = Pick<ConsultationItem, 'recipientId' | 'decision'>;
type SummaryRecipient = Pick<Recipient, 'id' | 'reply'>;

export function summarizeRound(recipients: readonly SummaryRecipient[], items: readonly SummaryItem[]): RoundSummary {
  const withItems = new Set(items.map((i) => i.recipientId));
  // A unit that sent at least one comment has replied with comments, whatever its stored reply says.
  const repliedWithComments = recipients.filter((r) => withItems.has(r.id) || r.reply === 'with-comments').length;
  const replied = recipients.filter((r) => withItems.has(r.id) || r.reply !== 'none').length;
  const count = (decision: Decision | null): number => items.filter((i) => i.decision === decision).length;
  return {
    sent: recipients.length,
    replied,
    repliedWithComments,
    notReplied: recipients.length - replied,
    items: items.length,
    accepted: count('accepted'),
    partlyAccepted: count('partly-accepted'),
    rejected: count('rejected'),
    open: count(null),
  };
}

/** The footer lines as printed under the table. */
export function summaryLines(summary: RoundSummary): string[] {
  return [
    `说明：①发送《征求意见稿》的单位数：${summary.sent}个；`,
    `②收到《征求意见稿》后，回函的单位数：${summary.replied}个；`,
    `③收到《征求意见稿》后，回函并有建议或意见的单位数：${summary.repliedWithComments}个；`,
    `④没有回函的单位数：${summary.notReplied}个。`,
    `共收到意见${summary.items}条，其中采纳${summary.accepted}条，部分采纳${summary.partlyAccepted}条，不采纳${summary.rejected}条` +
      (summary.open > 0 ? `，尚未处理${summary.open}条。` : '。'),
  ];
}
