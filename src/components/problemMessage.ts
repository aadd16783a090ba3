import type { Problem } from '../domain/dataset';
import { renderProblem } from '../domain/problemText';
import { translate, type Lang } from '../i18n';

/**
 * A data problem in the reader's language, from its code; a problem without one (made by
 * older code) keeps its English message. Chinese phrases start with a space when they
 * begin with Latin text; the spaces that then meet Chinese punctuation are taken out.
 */
export function problemMessage(problem: Problem, lang: Lang): string {
  if (!problem.code) return problem.message;
  const text = renderProblem(problem.code, problem.params, (code, vars) => translate(lang, `problem.${code}`, vars));
  return lang === 'zh'
    ? text
        .replace(/ {2,}/g, ' ')
        .replace(/([：，（；、]) /g, '$1')
        .trim()
    : text;
}
