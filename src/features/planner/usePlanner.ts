import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_RULESET_ID, rulesetById } from '../../domain/planner/rulesets';
import type { Ruleset } from '../../domain/planner/ruleset';
import { categoryOf } from '../../domain/taxonomy';
import { formatNumber, type Lang } from '../../i18n';
import { useStore } from '../../store';

/** Hooks and formatting shared by the planner view's components. */

export const localText = (lang: Lang, text: { zh: string; en: string }): string => text[lang];

/** The standard chosen in the picker (the figures follow once the walking session has answered for it). */
export function useChosenRuleset(): Ruleset {
  const id = useStore((s) => s.rulesetId);
  return rulesetById(id) ?? rulesetById(DEFAULT_RULESET_ID)!;
}

/**
 * The standard the figures on screen were checked against: the shown result's. Right after
 * another standard is chosen the figures (rule by rule, by index) are still the previous
 * standard's until its answer arrives, so they are labelled with the rules they belong to.
 */
export function useRuleset(): Ruleset {
  const chosen = useChosenRuleset();
  return useStore((s) => s.plannerResult?.compliance.ruleset) ?? chosen;
}

/** Community and grid names by id, in the current language (never their staff). */
export function useAreaName(): (id: string | null | undefined) => string {
  const { grids, lang } = useStore(useShallow((s) => ({ grids: s.dataset?.grids, lang: s.lang })));
  const names = useMemo(
    () =>
      new Map(
        (grids?.features ?? []).map((g) => [
          g.properties.id,
          lang === 'en' ? (g.properties.name_en ?? g.properties.name ?? g.properties.id) : (g.properties.name ?? g.properties.id),
        ]),
      ),
    [grids, lang],
  );
  return useCallback((id) => (id ? (names.get(id) ?? id) : ''), [names]);
}

/** A facility's name by id: from the dataset, or a proposed one from the current scenario. */
export function useFacilityName(): (id: string | null) => string {
  const { facilities, state, lang } = useStore(useShallow((s) => ({ facilities: s.dataset?.facilities, state: s.plannerResult?.state, lang: s.lang })));
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const f of facilities?.features ?? [])
      byId.set(f.properties.id, (lang === 'en' ? f.properties.name_en : undefined) ?? f.properties.name ?? f.properties.id);
    return byId;
  }, [facilities, lang]);
  return useCallback(
    (id) => {
      if (!id) return '';
      const known = names.get(id);
      if (known) return known;
      const proposed = state?.facilities.find((e) => e.facility.id === id)?.facility;
      return proposed ? categoryLabel(lang, proposed.category) : id;
    },
    [names, state, lang],
  );
}

export function categoryLabel(lang: Lang, id: string): string {
  const c = categoryOf(id);
  return c ? (lang === 'en' ? c.en : c.zh) : id;
}

/** 0.623 → "62%" (or "62.3%" with one decimal). */
export function percent(lang: Lang, share: number | null, digits = 0): string {
  return share === null ? '–' : `${formatNumber(lang, share * 100, digits)}%`;
}

export function metres(lang: Lang, m: number | null): string {
  return m === null || !Number.isFinite(m) ? '–' : formatNumber(lang, Math.round(m));
}
