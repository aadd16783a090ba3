import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature, VectorTileSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 runs its worker from a separate file; `?worker&url` makes Vite emit it as one
// self-contained chunk (with its shared module) and gives its URL.
import { MAPLIBRE_WORKER_URL } from './workerUrl';
import { bbox } from '@turf/turf';
import { boundsOf } from '../domain/bounds';
import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../domain/dataset';
import { labelPoints } from '../domain/labelPoints';
import type { Lang } from '../i18n';
import { translate } from '../i18n';
import type { Route } from '../domain/engine/route';
import type { WalkResult } from '../domain/engine/walkEngine';
import type { LonLat } from '../domain/geo';
import type { Picked, WalkOrigin } from '../store/selectionSlice';
import { circleShapes } from '../store/circleShapes';
import type { LayerGroup } from '../store/uiSlice';
import { addCategoryIcons, drawIconsSoon } from './icons';
import { templateExpression } from './layers/circles';
import { labelField, SOURCES, EMPTY_COLLECTION, CHECK_STYLE, STYLE_CHANGE } from './layers/types';
import { markOnce, WALKSHED_MARK } from './liteScene';
import { ALL_LAYERS, baseStyle } from './style';
import { OVERLAYS } from './overlays';
import { datasetTiles, showTiles } from './tiles';
import { DATASET_TILES_PROTOCOL } from './datasetTilesProtocol';
import type { AppState } from '../store';

maplibregl.setWorkerUrl(MAPLIBRE_WORKER_URL);

/** Features a GeoJSON source is given at once, in the task that asks (see MapController.setData). */
const FEATURES_IN_PLACE = 1_000;

maplibregl.addProtocol(DATASET_TILES_PROTOCOL, async (request, abort) => ({ data: await datasetTiles.tile(request.url, abort.signal) }));

/** Clickable layers, most specific first. */
const PICKABLE: { layer: string; kind: Picked['kind'] }[] = [
  { layer: 'facility', kind: 'facility' },
  { layer: 'gate', kind: 'gate' },
  { layer: 'compound-fill', kind: 'compound' },
  { layer: 'grid-hit', kind: 'grid' },
  { layer: 'community-hit', kind: 'grid' },
];
const NAME_LABEL_LAYERS = ['compound-label', 'grid-label', 'community-label', 'network-label'];

export interface MapHandlers {
  /** A click: what was hit (if anything) and where. */
  onClick(picked: Picked | null, at: LonLat): void;
  /**
   * Whether a tool is armed now (the planner's placing one): its overlay has the click,
   * nothing under the point is looked up, and the cursor is a crosshair. Read from the store
   * itself, which the map follows a task late.
   */
  toolArmed?(): boolean;
  /** The origin marker was dragged (fires continuously while dragging). */
  onDragOrigin(at: LonLat): void;
  /** The style has loaded (overlays can be applied from now on). */
  onLoad?(): void;
}

export interface MapView {
  dataset: Dataset | null;
  layers: Record<LayerGroup, boolean>;
  hiddenCategories: string[];
  compoundId: string | null;
  circles: WalkOrigin | null;
  walk: WalkResult | null;
  /** The walk belongs to an older origin: shown dimmed while the new one computes. */
  walkStale: boolean;
  route: Route | null;
  lang: Lang;
  /** Facilities drawn faint (the planner view: the compounds' compliance colours come first). */
  facilitiesSubdued: boolean;
}

/**
 * The one owner of the MapLibre map. `apply(view)` makes the map show `view`; calling it
 * again with the same view changes nothing (each part is compared with what was applied).
 */
export class MapController {
  readonly map: maplibregl.Map;
  private applied: Partial<MapView> = {};
  private pending: MapView | null = null;
  /** The latest data given to each source (see setData). */
  private readonly given = new Map<string, object>();
  private loaded = false;
  private marker: maplibregl.Marker | null = null;
  private readonly handlers: MapHandlers;

  constructor(container: HTMLElement, handlers: MapHandlers) {
    this.handlers = handlers;
    // The icons are drawn in a worker while the map starts (its WebGL context alone takes a while).
    void drawIconsSoon();
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      center: [119.33, 26.09],
      zoom: 13,
      attributionControl: false,
      localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
      maxPitch: 0,
      dragRotate: false,
      // Labels appear at once instead of fading in over 300 ms: each walk update re-places
      // them, and the fade kept redrawing the map for 300 ms after every update.
      fadeDuration: 0,
      validateStyle: CHECK_STYLE,
    });
    datasetTiles.start();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    this.map.on('load', () => {
      addCategoryIcons(this.map);
      this.loaded = true;
      if (this.pending) this.apply(this.pending);
      handlers.onLoad?.();
    });
    this.map.on('click', (event) => {
      // An armed tool has the click: its overlay handles it, and nothing under the point is
      // looked up (at city scale a lookup holds the what-if's question back).
      if (handlers.toolArmed?.() || this.claimedAt(event.point)) return;
      handlers.onClick(this.pickAt(event.point), [event.lngLat.lng, event.lngLat.lat]);
    });
    this.map.on('mousemove', (event) => {
      const canvas = this.map.getCanvas();
      // An armed tool's crosshair is read from the store itself, as its click is: the overlays
      // follow the store a task late, and a pointer over a compound showed meanwhile.
      const cursor = handlers.toolArmed?.() ? 'crosshair' : this.pickAt(event.point) ? 'pointer' : '';
      // Written only when it changes: each write restyles the page and asks for a frame, and a
      // frame still pending when the mouse is clicked makes Chromium hold back other tasks
      // (the planner's answer) until it is presented.
      if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
    });
  }

  apply(view: MapView): void {
    if (!this.loaded) {
      this.pending = view;
      return;
    }
    const a = this.applied;
    if (a.dataset !== view.dataset) this.setDataset(view.dataset);
    if (a.layers !== view.layers) this.setLayers(view.layers);
    if (a.hiddenCategories !== view.hiddenCategories) this.setHiddenCategories(view.hiddenCategories);
    if (a.compoundId !== view.compoundId || a.circles !== view.circles) this.setSelection(view.compoundId, view.circles);
    if (a.walk !== view.walk || a.walkStale !== view.walkStale) this.setWalk(view.walk, view.walkStale);
    if (a.route !== view.route) this.setRoute(view.route);
    if (a.lang !== view.lang) this.setLang(view.lang);
    if (a.facilitiesSubdued !== view.facilitiesSubdued) this.setFacilitiesSubdued(view.facilitiesSubdued);
    this.applied = { ...view };
  }

  /** Lets each view's overlay apply the store state it needs (see overlays/types.ts). */
  applyOverlays(state: AppState, previous: AppState | null): void {
    if (!this.loaded) return;
    for (const overlay of OVERLAYS) overlay.apply(this.map, state, previous);
  }

  destroy(): void {
    this.given.clear();
    this.map.remove();
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  private setData(id: string, data: FeatureCollection | null): void {
    const source = this.source(id);
    if (!source) return;
    const given = {};
    this.given.set(id, given);
    if ((data?.features.length ?? 0) <= FEATURES_IN_PLACE) {
      void source.setData(data ?? EMPTY_COLLECTION);
      return;
    }
    // MapLibre copies a source's data to its worker by walking every object of it, on this
    // thread: a city's 5,000 compounds took about 90 ms (they are tiles now, datasetTiles.ts).
    // A large source (a city's buildings or facilities) gets a task of its own rather than add
    // to the render that shows the dataset. (Giving them in slices, with updateData, made the
    // worker re-cut and the map redraw the tiles once per slice.)
    setTimeout(() => {
      // Unless a newer setData has replaced them, or the map is gone.
      if (this.given.get(id) === given) void source.setData(data ?? EMPTY_COLLECTION);
    }, 0);
  }

  /** How many ways the streets on the map were cut from; null while their tiles are being made. */
  streetWays(): number | null {
    return this.tiledFeatures(SOURCES.network);
  }

  /** How many networks this page copied to the tile worker itself (the rest came from the walking session). */
  streetsCopiedHere(): number {
    return datasetTiles.streetsCopiedHere;
  }

  /** How many compounds the map's compounds were cut from; null while their tiles are being made. */
  compoundsTiled(): number | null {
    return this.tiledFeatures(SOURCES.compounds);
  }

  private tiledFeatures(id: string): number | null {
    return datasetTiles.features(this.map.getSource<VectorTileSource>(id)?.tiles?.[0] ?? '');
  }

  private setDataset(dataset: Dataset | null): void {
    this.setData(SOURCES.context, dataset?.context ?? null);
    showTiles(this.map, SOURCES.network, datasetTiles.streetsUrl(dataset?.network ?? null));
    showTiles(this.map, SOURCES.compounds, datasetTiles.compoundsUrl(dataset?.compounds ?? null));
    this.setData(SOURCES.grids, dataset?.grids ?? null);
    this.setData(SOURCES.buildings, dataset?.buildings ?? null);
    this.setData(SOURCES.gridLabels, dataset ? labelPoints(dataset.grids) : null);
    this.setData(SOURCES.gates, dataset?.gates ?? null);
    this.setData(SOURCES.facilities, dataset?.facilities ?? null);
    if (!dataset || dataset.compounds.features.length === 0) return;
    const [w, s, e, n] = boundsOf(dataset.compounds);
    this.map.fitBounds([w, s, e, n], { padding: 40, animate: false });
  }

  private setLayers(layers: Record<LayerGroup, boolean>): void {
    for (const { group, layer } of ALL_LAYERS) {
      this.map.setLayoutProperty(layer.id, 'visibility', layers[group] ? 'visible' : 'none', STYLE_CHANGE);
    }
  }

  private setFacilitiesSubdued(subdued: boolean): void {
    this.map.setPaintProperty('facility', 'icon-opacity', subdued ? 0.45 : 1, STYLE_CHANGE);
    this.map.setPaintProperty('facility', 'text-opacity', subdued ? 0.6 : 1, STYLE_CHANGE);
    this.map.setPaintProperty('facility-dot', 'circle-opacity', subdued ? 0.4 : 1, STYLE_CHANGE);
  }

  private setHiddenCategories(hidden: string[]): void {
    const filter: maplibregl.FilterSpecification | null = hidden.length ? ['!', ['in', ['get', 'category'], ['literal', hidden]]] : null;
    for (const layer of ['facility', 'facility-dot']) this.map.setFilter(layer, filter, STYLE_CHANGE);
  }

  private setSelection(compoundId: string | null, circles: WalkOrigin | null): void {
    this.map.setFilter('compound-selected', ['==', ['get', 'id'], compoundId ?? ''], STYLE_CHANGE);
    if (circles && compoundId !== null && compoundId !== this.applied.compoundId) this.reveal(circles);
    this.setMarker(circles?.origins.kind === 'point' ? (circles.origins.points[0] ?? null) : null);
    if (!circles) return this.setData(SOURCES.circles, null);
    const origins = circles.origins.points.map((coordinates: LonLat) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates },
      properties: { kind: 'origin' },
    }));
    this.setData(SOURCES.circles, { type: 'FeatureCollection', features: [...circleShapes(circles).features, ...origins] });
  }

  /** Brings the selected compound's outer circle into view when it is not fully visible. */
  private reveal(circles: WalkOrigin): void {
    const shapes = circleShapes(circles);
    if (shapes.features.length === 0) return;
    const [w, s, e, n] = bbox(shapes);
    const view = this.map.getBounds();
    const inView = view.contains([w, s]) && view.contains([e, n]);
    const small = e - w < (view.getEast() - view.getWest()) * 0.4;
    if (inView && !small) return;
    this.map.fitBounds([w, s, e, n], { padding: 30, duration: 500, maxZoom: 16 });
  }

  /** A draggable marker for a free origin (`?at=`); compounds start from their gates instead. */
  private setMarker(at: LonLat | null): void {
    if (!at) {
      this.marker?.remove();
      this.marker = null;
      return;
    }
    if (!this.marker) {
      this.marker = new maplibregl.Marker({ draggable: true, color: '#d9480f' }).setLngLat(at).addTo(this.map);
      this.marker.getElement().setAttribute('data-testid', 'origin-marker');
      this.marker.on('drag', () => {
        const p = this.marker?.getLngLat();
        if (p) this.handlers.onDragOrigin([p.lng, p.lat]);
      });
    } else {
      const p = this.marker.getLngLat();
      if (p.lng !== at[0] || p.lat !== at[1]) this.marker.setLngLat(at);
    }
  }

  private setWalk(walk: WalkResult | null, stale: boolean): void {
    this.setData(SOURCES.walksheds, walk?.walksheds ?? null);
    this.setData(SOURCES.reachedWays, walk?.reachedWays ?? null);
    const dim = stale ? 0.4 : 1;
    this.map.setPaintProperty('walkshed-fill', 'fill-opacity', 0.22 * dim, STYLE_CHANGE);
    this.map.setPaintProperty('reached-ways', 'line-opacity', 0.9 * dim, STYLE_CHANGE);
    // With walksheds drawn, the straight-line circles become dashed outlines only.
    this.map.setPaintProperty('circle-fill', 'fill-opacity', walk ? 0 : 0.1, STYLE_CHANGE);
    if (walk && walk.walksheds.features.length > 0 && performance.getEntriesByName(WALKSHED_MARK, 'mark').length === 0) {
      // Marks (once per page) when the first walkshed is on screen: what `npm run bench:web` times.
      this.map.once('idle', () => markOnce(WALKSHED_MARK));
    }
  }

  private setRoute(route: Route | null): void {
    const line = route ? { type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: route.line }, properties: {} } : null;
    this.setData(SOURCES.route, line ? { type: 'FeatureCollection', features: [line] } : null);
    if (!line) return;
    const [w, s, e, n] = bbox(line);
    this.map.fitBounds([w, s, e, n], { padding: 60, duration: 500, maxZoom: 17 });
  }

  private setLang(lang: Lang): void {
    for (const id of NAME_LABEL_LAYERS) this.map.setLayoutProperty(id, 'text-field', labelField(lang), STYLE_CHANGE);
    this.map.setLayoutProperty('facility', 'text-field', ['step', ['zoom'], '', 16, labelField(lang)], STYLE_CHANGE);
    const label = templateExpression(translate(lang, 'map.circleLabel'), { minutes: 'minutes', metres: 'radiusM' });
    this.map.setLayoutProperty('circle-label', 'text-field', label, STYLE_CHANGE);
  }

  /** Whether an overlay's own click layer (a request, a cluster) is under the point: the overlay has the click. */
  private claimedAt(point: maplibregl.PointLike): boolean {
    const layers = OVERLAYS.flatMap((o) => o.clickLayers ?? []).filter(
      (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    return layers.length > 0 && this.map.queryRenderedFeatures(point, { layers }).length > 0;
  }

  private pickAt(point: maplibregl.PointLike): Picked | null {
    const layers = PICKABLE.map((p) => p.layer).filter((id) => this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const hits: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(point, { layers });
    for (const { layer, kind } of PICKABLE) {
      const hit = hits.find((h) => h.layer.id === layer);
      const id = hit?.properties.id;
      if (typeof id === 'string') return { kind, id };
    }
    return null;
  }
}
