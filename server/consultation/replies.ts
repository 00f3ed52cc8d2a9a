/** A recipient's reply as its items make it. */
import type { Recipient } from '@shared/domain/consultation.js';

/** The unit has sent comments: its reply is "with comments", dated when it first replied. */
export function withComments(recipient: Recipient, now: string): Recipient {
  return recipient.reply === 'with-comments'
    ? recipient
    : { ...recipient, reply: 'with-comments', repliedAt: recipient.repliedAt ?? now };
}
