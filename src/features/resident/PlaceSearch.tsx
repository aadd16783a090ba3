import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { searchByName } from '../../domain/nameSearch';
import { useStore } from '../../store';
import { LocateButton } from './LocateButton';

/** "Where am I": search a compound by partial Chinese or Latin name, or use the device location. */
export function PlaceSearch() {
  const { compounds, lang, selectCompound } = useStore(
    useShallow((s) => ({ compounds: s.dataset?.compounds.features, lang: s.lang, selectCompound: s.selectCompound })),
  );
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const inputId = useId();
  const matches = useMemo(
    () =>
      searchByName(
        (compounds ?? []).map((c) => c.properties),
        query,
      ),
    [compounds, query],
  );
  const label = (p: { name?: string; name_en?: string; id: string }) => (lang === 'en' ? (p.name_en ?? p.name) : p.name) ?? p.id;
  const choose = (id: string) => {
    const p = matches.find((m) => m.id === id);
    selectCompound(id);
    setQuery(p ? label(p) : '');
    setOpen(false);
  };
  const showList = open && query.trim() !== '';
  return (
    <div className="panel-section place-search">
      <label htmlFor={inputId} className="field-label">
        {t('search.label')}
      </label>
      <div className="search-row">
        <input
          id={inputId}
          type="search"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && matches[active] ? `${listId}-${active}` : undefined}
          placeholder={t('search.placeholder')}
          value={query}
          autoComplete="off"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
            else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (event.key === 'Enter' && matches[active]) choose(matches[active].id);
            else if (event.key === 'Escape') setOpen(false);
            else return;
            event.preventDefault();
          }}
        />
        <LocateButton />
      </div>
      {showList && (
        <ul id={listId} role="listbox" aria-label={t('search.results', { count: matches.length })} className="search-results">
          {matches.length === 0 && (
            <li className="hint" role="presentation">
              {t('search.none', { query })}
            </li>
          )}
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(m.id)}
            >
              {label(m)}
              {lang !== 'en' && m.name_en && (
                <span className="search-alt" lang="en">
                  {' '}
                  {m.name_en}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
