import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecipientReply } from '@shared/domain/consultation';

const COLORS: Record<RecipientReply, string> = { none: 'default', 'no-comments': 'blue', 'with-comments': 'green' };

/** 未回函 / 回函无意见 / 回函有意见. */
export function ReplyTag({ reply }: { reply: RecipientReply }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[reply]} data-reply={reply}>
      {t(`consultation.reply.${reply}`)}
    </Tag>
  );
}
