import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n';
import type { Language } from '../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' };

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={current}
      options={LANGUAGES.map((language) => ({ label: LABELS[language], value: language }))}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
