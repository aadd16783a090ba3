import { useStore } from '../store';
import { useT } from './useT';

export function LanguageSwitch() {
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const t = useT();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" className="btn" lang={other === 'zh' ? 'zh-CN' : 'en'} aria-label={t('lang.label')} onClick={() => setLang(other)}>
      {t('lang.switch')}
    </button>
  );
}
