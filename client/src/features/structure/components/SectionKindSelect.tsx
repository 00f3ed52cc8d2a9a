import { memo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ANNEX_TYPES, CHAPTER_ROLES } from '@shared/editor/structure/names';
import type { AnnexType, ChapterRole } from '@shared/editor/structure/names';

interface SectionKindSelectProps {
  /** The role of the chapter around the caret (null: not in a chapter). */
  chapterRole: ChapterRole | null;
  /** The status of the annex around the caret (null: not in an annex). */
  annexType: AnnexType | null;
  /** Chapter roles are the Zhejiang Made structure of the standard text only. */
  showRoles: boolean;
  disabled: boolean;
  onRole: (role: ChapterRole) => void;
  onAnnexType: (type: AnnexType) => void;
}

/**
 * Changes the section around the caret after it was inserted: the role of a chapter (its place in
 * the Zhejiang Made structure, what the required-chapter rule looks for) or whether an annex is
 * 规范性 or 资料性. Shown only where it applies. Memoized (`onRole` and `onAnnexType` must be stable).
 */
export const SectionKindSelect = memo(function SectionKindSelect({
  chapterRole,
  annexType,
  showRoles,
  disabled,
  onRole,
  onAnnexType,
}: SectionKindSelectProps) {
  const { t } = useTranslation();
  if (annexType !== null) {
    return (
      <Select<AnnexType>
        value={annexType}
        disabled={disabled}
        onChange={onAnnexType}
        style={{ width: 112 }}
        popupMatchSelectWidth={false}
        aria-label={t('structure.toolbar.annexType')}
        title={t('structure.toolbar.annexType')}
        data-testid="annex-type"
        options={ANNEX_TYPES.map((type) => ({
          value: type,
          label: (
            <span data-testid={`annex-type-${type}`}>
              {t(`structure.insert.${type === 'normative' ? 'annexNormative' : 'annexInformative'}`)}
            </span>
          ),
        }))}
      />
    );
  }
  if (chapterRole !== null && showRoles) {
    return (
      <Select<ChapterRole>
        value={chapterRole}
        disabled={disabled}
        onChange={onRole}
        style={{ width: 156 }}
        popupMatchSelectWidth={false}
        aria-label={t('structure.toolbar.chapterRole')}
        title={t('structure.toolbar.chapterRoleHint')}
        data-testid="chapter-role"
        options={CHAPTER_ROLES.map((role) => ({
          value: role,
          label: <span data-testid={`chapter-role-${role}`}>{t(`structure.roles.${role}`)}</span>,
        }))}
      />
    );
  }
  return null;
});
