import { useCallback } from 'react';
import { translate, type MessageKey, type Vars } from '../i18n';
import { useStore } from '../store';

/** The translate function for the current language. */
export function useT() {
  const lang = useStore((s) => s.lang);
  return useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}
