import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpertInvitationLink } from '@shared/api/reviews';
import { formatDateTime } from '../../../../lib/format';

/** The invitation link as an absolute URL, whatever form the server gives it in. */
function absoluteLink(link: string): string {
  try {
    return new URL(link, window.location.origin).href;
  } catch {
    return link;
  }
}

/** The links of the experts invited by e-mail who have no account yet: to pass on to each of them. */
export function ExpertInvitationLinks({ links }: { links: ExpertInvitationLink[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="review-invitation-links">
      <Typography.Text>{t('review.open.linksHint')}</Typography.Text>
      {links.map((link) => (
        <div key={link.email}>
          <Typography.Text strong>{link.email}</Typography.Text>
          <Typography.Paragraph copyable={{ text: absoluteLink(link.link) }} style={{ marginBottom: 0 }}>
            <Typography.Text code>{absoluteLink(link.link)}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('invite.expiresAt')} {formatDateTime(link.expiresAt)}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}
