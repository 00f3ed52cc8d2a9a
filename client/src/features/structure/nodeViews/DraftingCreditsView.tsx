import { NodeViewWrapper } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import { Alert, Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { draftingCreditLines } from '@shared/domain/draftingCredits';
import type { DraftingCredits } from '@shared/domain/draftingCredits';
import { describeError } from '../../../lib/errors';
import { useStructureContext } from '../context/StructureContext';
import { useDraftingCredits } from '../hooks/useDraftingCredits';

function Lines({ credits }: { credits: DraftingCredits }) {
  return (
    <>
      {draftingCreditLines(credits).map((line) => (
        <div key={line} className="gb-credits__line">
          {line}
        </div>
      ))}
    </>
  );
}

function CreditLines({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { credits, error, reload } = useDraftingCredits(projectId);
  if (!credits) {
    if (error) {
      return (
        <Alert
          type="warning"
          showIcon
          title={describeError(error, t)}
          action={
            <Button size="small" onClick={reload}>
              {t('app.retry')}
            </Button>
          }
        />
      );
    }
    return <div className="gb-credits__loading">{t('structure.credits.loading')}</div>;
  }
  return <Lines credits={credits} />;
}

/** 主要起草单位 / 参与起草单位 / 主要起草人: generated from the drafting group, never typed. */
export function DraftingCreditsView(_props: NodeViewProps) {
  const { t } = useTranslation();
  const context = useStructureContext();
  return (
    <NodeViewWrapper className="gb-drafting-credits" data-testid="drafting-credits">
      <Tooltip title={t('structure.credits.hint')}>
        <Tag className="gb-generated-tag" color="default">
          {t('structure.generatedFromGroup')}
        </Tag>
      </Tooltip>
      {context?.frozenCredits ? (
        <Lines credits={context.frozenCredits} />
      ) : context ? (
        <CreditLines projectId={context.projectId} />
      ) : null}
    </NodeViewWrapper>
  );
}
