import { htmlLang, type MessageKey } from '../../i18n';
import type { HallText, LangVars } from './useHallText';

/** A message in the screen's language with its optional subtitle in the other one (smaller). */
export function Bilingual({ text, k, vars }: { text: HallText; k: MessageKey; vars?: LangVars }) {
  const subtitle = text.sub(k, vars);
  return (
    <>
      {text.t(k, vars)}
      {subtitle && text.subtitleLang && (
        <span className="hall-sub" lang={htmlLang(text.subtitleLang)}>
          {subtitle}
        </span>
      )}
    </>
  );
}
