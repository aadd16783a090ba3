import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 runs its worker from a separate file; `?worker&url` makes Vite emit it as one
// self-contained chunk (with its shared module) and gives its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../domain/dataset';
import { labelPoints } from '../domain/labelPoints';
import type { Lang } from '../i18n';
import { translate } from '../i18n';
import type { CompoundCircles, Picked } from '../store/selectionSlice';
import type { LayerGroup } from '../store/uiSlice';
import { addCategoryIcons } from './icons';
import { templateExpression } from './layers/circles';
import { labelField, SOURCES } from './layers/types';
import { ALL_LAYERS, baseStyle } from './style';

maplibregl.setWorkerUrl(workerUrl);

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
  onPick(picked: Picked | null): void;
}

export interface MapView {
  dataset: Dataset | null;
  layers: Record<LayerGroup, boolean>;
  hiddenCategories: string[];
  compoundId: string | null;
  circles: CompoundCircles | null;
  lang: Lang;
}

/**
 * The one owner of the MapLibre map. `apply(view)` makes the map show `view`; calling it
 * again with the same view changes nothing (each part is compared with what was applied).
 */
export class MapController {
  readonly map: maplibregl.Map;
  private applied: Partial<MapView> = {};
  private pending: MapView | null = null;
  private loaded = false;

  constructor(container: HTMLElement, handlers: MapHandlers) {
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      center: [119.33, 26.09],
      zoom: 13,
      attributionControl: false,
      localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
      maxPitch: 0,
      dragRotate: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    this.map.on('load', () => {
      addCategoryIcons(this.map);
      this.loaded = true;
      if (this.pending) this.apply(this.pending);
    });
    this.map.on('click', (event) => handlers.onPick(this.pickAt(event.point)));
    this.map.on('mousemove', (event) => {
      this.map.getCanvas().style.cursor = this.pickAt(event.point) ? 'pointer' : '';
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
    if (a.lang !== view.lang) this.setLang(view.lang);
    this.applied = { ...view };
  }

  destroy(): void {
    this.map.remove();
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  private setData(id: string, data: FeatureCollection | null): void {
    this.source(id)?.setData(data ?? { type: 'FeatureCollection', features: [] });
  }

  private setDataset(dataset: Dataset | null): void {
    this.setData(SOURCES.context, dataset?.context ?? null);
    this.setData(SOURCES.network, dataset?.network ?? null);
    this.setData(SOURCES.compounds, dataset?.compounds ?? null);
    this.setData(SOURCES.grids, dataset?.grids ?? null);
    this.setData(SOURCES.gridLabels, dataset ? labelPoints(dataset.grids) : null);
    this.setData(SOURCES.gates, dataset?.gates ?? null);
    this.setData(SOURCES.facilities, dataset?.facilities ?? null);
    if (!dataset || dataset.compounds.features.length === 0) return;
    const [w, s, e, n] = bbox(dataset.compounds);
    this.map.fitBounds([w, s, e, n], { padding: 40, animate: false });
  }

  private setLayers(layers: Record<LayerGroup, boolean>): void {
    for (const { group, layer } of ALL_LAYERS) {
      this.map.setLayoutProperty(layer.id, 'visibility', layers[group] ? 'visible' : 'none');
    }
  }

  private setHiddenCategories(hidden: string[]): void {
    this.map.setFilter('facility', hidden.length ? ['!', ['in', ['get', 'category'], ['literal', hidden]]] : null);
  }

  private setSelection(compoundId: string | null, circles: CompoundCircles | null): void {
    this.map.setFilter('compound-selected', ['==', ['get', 'id'], compoundId ?? '']);
    if (!circles) return this.setData(SOURCES.circles, null);
    const origins = circles.origins.points.map((coordinates) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates },
      properties: { kind: 'origin' },
    }));
    this.setData(SOURCES.circles, { type: 'FeatureCollection', features: [...circles.circles.features, ...origins] });
  }

  private setLang(lang: Lang): void {
    for (const id of NAME_LABEL_LAYERS) this.map.setLayoutProperty(id, 'text-field', labelField(lang));
    this.map.setLayoutProperty('facility', 'text-field', ['step', ['zoom'], '', 16, labelField(lang)]);
    const label = templateExpression(translate(lang, 'map.circleLabel'), { minutes: 'minutes', metres: 'radiusM' });
    this.map.setLayoutProperty('circle-label', 'text-field', label);
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
