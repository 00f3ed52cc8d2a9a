import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHAPTER_ROLES } from '@shared/editor/structure/names';
import type { AnnexType, ChapterRole } from '@shared/editor/structure/names';

export type InsertAction =
  | { type: 'chapter'; role: ChapterRole }
  | { type: 'annex'; normative: AnnexType }
  | { type: 'term' | 'reference' | 'table' | 'figure' | 'note' };

export interface InsertAvailability {
  term: boolean;
  reference: boolean;
  table: boolean;
  figure: boolean;
  note: boolean;
}

interface InsertMenuProps {
  disabled: boolean;
  available: InsertAvailability;
  onAction: (action: InsertAction) => void;
}

function parseKey(key: string): InsertAction | null {
  const [type, value] = key.split(':');
  if (type === 'chapter') {
    const role = CHAPTER_ROLES.find((r) => r === value);
    return role ? { type: 'chapter', role } : null;
  }
  if (type === 'annex') return { type: 'annex', normative: value === 'informative' ? 'informative' : 'normative' };
  if (type === 'term' || type === 'reference' || type === 'table' || type === 'figure' || type === 'note')
    return { type };
  return null;
}

const label = (text: string, testId: string) => <span data-testid={testId}>{text}</span>;

/** 插入: chapters by role, annexes, term and reference entries, tables, figures, notes. */
export function InsertMenu({ disabled, available, onAction }: InsertMenuProps) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = [
    {
      key: 'chapter',
      label: label(t('structure.insert.chapter'), 'insert-chapter'),
      children: CHAPTER_ROLES.map((role) => ({
        key: `chapter:${role}`,
        label: label(t(`structure.roles.${role}`), `insert-chapter-${role}`),
      })),
    },
    {
      key: 'annex',
      label: label(t('structure.insert.annex'), 'insert-annex'),
      children: [
        { key: 'annex:normative', label: label(t('structure.insert.annexNormative'), 'insert-annex-normative') },
        { key: 'annex:informative', label: label(t('structure.insert.annexInformative'), 'insert-annex-informative') },
      ],
    },
    { type: 'divider' },
    { key: 'term', label: label(t('structure.insert.term'), 'insert-term'), disabled: !available.term },
    {
      key: 'reference',
      label: label(t('structure.insert.reference'), 'insert-reference'),
      disabled: !available.reference,
    },
    { type: 'divider' },
    { key: 'table', label: label(t('structure.insert.table'), 'insert-table-block'), disabled: !available.table },
    { key: 'figure', label: label(t('structure.insert.figure'), 'insert-figure'), disabled: !available.figure },
    { key: 'note', label: label(t('structure.insert.note'), 'insert-note'), disabled: !available.note },
  ];
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          const action = parseKey(key);
          if (action) onAction(action);
        },
      }}
    >
      <Button
        type="text"
        icon={<PlusOutlined />}
        onMouseDown={(event) => event.preventDefault()}
        data-testid="structure-menu"
      >
        {t('structure.insert.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
