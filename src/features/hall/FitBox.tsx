import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { slideDurationsMs } from '../../store/hallSlice';

/**
 * Keeps a slide's figures inside their box at any screen size: when they do not fit, the
 * long list of the slide (marked `data-hall-list`) is shown a page at a time, the pages
 * sharing the slide's time; only when even one row too many remains is the whole box
 * scaled down (never below MIN_ZOOM). Measured after every render, so a new language,
 * a resize or new data is fitted again.
 */

const MIN_ZOOM = 0.6;
/** Fewer rows than this on a page would be pages of almost nothing: scale instead. */
const MIN_ROWS = 3;

interface Paging {
  /** Items per page, or null for all of them. */
  perPage: number | null;
  page: number;
}

const PagingContext = createContext<Paging>({ perPage: null, page: 0 });

/** Which items of the slide's long list are shown now, and the page line to show under it. */
export function usePage(count: number): { visible: (index: number) => boolean; page: number; pages: number } {
  const { perPage, page } = useContext(PagingContext);
  if (perPage === null || perPage >= count) return { visible: () => true, page: 0, pages: 1 };
  const pages = Math.ceil(count / perPage);
  const current = Math.min(page, pages - 1);
  return { visible: (i) => i >= current * perPage && i < (current + 1) * perPage, page: current, pages };
}

/** Rows of a list as laid out (a grid of two columns has half as many rows as items). */
function rowsOf(list: Element): { rows: number; perRow: number } {
  const tops = new Set([...list.children].map((child) => Math.round(child.getBoundingClientRect().top)));
  const rows = Math.max(1, tops.size);
  return { rows, perRow: Math.max(1, Math.round(list.children.length / rows)) };
}

export function FitBox({ fitKey, children }: { fitKey: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  /** Items per page of the list and how many it has, once paging was needed. */
  const [paging, setPaging] = useState<{ perPage: number; count: number } | null>(null);
  const perPage = paging?.perPage ?? null;
  const [zoom, setZoom] = useState(1);
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  const { clock, slides, speed } = useStore(useShallow((s) => ({ clock: s.hallClock, slides: s.hallSlides, speed: s.hallSpeed })));
  const durations = useMemo(() => slideDurationsMs({ hallSlides: slides, hallSpeed: speed }), [slides, speed]);
  const [now, setNow] = useState(() => Date.now());

  // The box changes size when the QR code arrives after the first measure, and its content
  // grows without the box changing when a font arrives (CJK fonts are large and come late on
  // a busy machine): watch the box and every block inside it, and the fonts.
  const [boxTick, setBoxTick] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const watcher = new ResizeObserver(() => setBoxTick((t) => t + 1));
    observer.current = watcher;
    let live = true;
    void document.fonts?.ready.then(() => live && setBoxTick((t) => t + 1));
    return () => {
      live = false;
      watcher.disconnect();
      observer.current = null;
    };
  }, []);
  useEffect(() => {
    // After every render: observing an element twice is a no-op, a new one reports once.
    const el = box.current;
    if (!el || !observer.current) return;
    observer.current.observe(el);
    for (const child of el.children) observer.current.observe(child);
  });

  useEffect(() => {
    const resize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);

  // A new slide, language or screen size: start again from everything at full size.
  useLayoutEffect(() => {
    setPaging(null);
    setZoom(1);
  }, [fitKey, size]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || el.scrollHeight <= el.clientHeight + 1) return;
    const list = el.querySelector('[data-hall-list]');
    const count = list ? Number(list.getAttribute('data-hall-list')) : 0;
    if (list && zoom === 1) {
      const { rows, perRow } = rowsOf(list);
      const rowHeight = list.getBoundingClientRect().height / rows;
      const overflow = el.scrollHeight - el.clientHeight;
      // Rows that fit now, less one for the page line the paging adds.
      const shown = perPage ?? count;
      const fitting = (Math.floor(rows - overflow / rowHeight) - (perPage === null ? 1 : 0)) * perRow;
      const next = Math.min(shown - perRow, fitting);
      if (next >= MIN_ROWS * perRow) {
        setPaging({ perPage: next, count });
        return;
      }
    }
    if (zoom > MIN_ZOOM) setZoom(Math.max(MIN_ZOOM, Math.floor(zoom * (el.clientHeight / el.scrollHeight) * 50) / 50));
    // `children` changes whenever what is shown does (new figures, a new page): measure again.
  }, [children, paging, zoom, perPage, size, boxTick]);

  const pages = paging ? Math.ceil(paging.count / paging.perPage) : 1;
  const duration = durations[clock.index] ?? 0;
  const elapsed = (clock.pausedAtMs ?? now) - clock.startedAtMs;
  const page = pages > 1 && duration > 0 ? Math.min(pages - 1, Math.max(0, Math.floor((elapsed / duration) * pages))) : 0;

  // Re-render at the next page's start (the playlist clock only wakes at the slide's end).
  useEffect(() => {
    if (pages <= 1 || clock.pausedAtMs !== null || duration <= 0) return;
    const nextAt = clock.startedAtMs + ((page + 1) * duration) / pages;
    if (page + 1 >= pages) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextAt - Date.now()) + 1);
    return () => clearTimeout(timer);
  }, [pages, page, clock, duration, now]);

  return (
    <PagingContext.Provider value={{ perPage, page }}>
      <div ref={box} className="hall-figures" style={zoom < 1 ? { zoom } : undefined} data-fit-zoom={zoom} data-fit-pages={pages}>
        {children}
      </div>
    </PagingContext.Provider>
  );
}
