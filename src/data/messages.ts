import type { Problem } from '../domain/dataset';
import { foundPhrase, phrase, problemMessage, type Phrase, type ProblemCode, type ProblemParams } from '../domain/problemText';

/** Building problems: code, parameters and the English message, and where a JSON parse failed. */

/** Where a problem is: its file and field, which feature, how bad. */
export type ProblemPlace = Pick<Problem, 'file' | 'field' | 'severity' | 'id' | 'index'>;

/** A problem with its code, its parameters and its English message. */
export function makeProblem(place: ProblemPlace, code: ProblemCode, params?: ProblemParams): Problem {
  const problem: Problem = { ...place, message: problemMessage(code, params), code };
  if (params) problem.params = params;
  return problem;
}

/** A position rendered for a message: `[119.33, 26.09]`, or what was found when it is not one. */
export function positionPhrase(position: unknown): Phrase {
  if (!Array.isArray(position)) return foundPhrase(position);
  const parts = position.map((v) => (typeof v === 'number' ? String(v) : describe(v)));
  return phrase('found.value', { value: `[${parts.join(', ')}]` });
}

/** One element of a position that is not a number, in English (rare: a hand-edited file). */
function describe(value: unknown): string {
  const found = foundPhrase(value);
  return problemMessage(found.code, found.params);
}

/**
 * A JSON parse error as a problem: the parser's words and, where it says "at position N",
 * the line and column (V8 reports a position for most errors; newer versions add the line).
 */
export function jsonProblem(place: ProblemPlace, error: unknown, text: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  if (!match || /line \d+/.test(message)) return makeProblem(place, 'file.notJson', { detail: message });
  const position = Number(match[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return makeProblem(place, 'file.notJsonAt', { detail: message, line, column: position - lineStart + 1 });
}
