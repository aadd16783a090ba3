import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { AppState } from '../../store';
import type { GroupedLayer } from '../layers/types';

/**
 * A view's own map content (planner compliance colours, suggested sites, volunteer coverage,
 * requests): its GeoJSON sources, its layers (styles as data, colours from the theme) and how
 * store state is applied to them. What it draws comes ready from the store's selectors (no
 * domain code here), and what it has drawn is kept per map (no module state). `apply` runs
 * on every store change, so it compares with what it drew and only touches the map when its
 * inputs changed (idempotent).
 */
export interface Overlay {
  /** Source ids this overlay owns; each starts as an empty GeoJSON source. */
  sources: readonly string[];
  /** Drawn above the walksheds and below the route and the facility icons. */
  layers: readonly GroupedLayer[];
  /**
   * Layers the overlay shows and hides itself, by its own state rather than a layer group,
   * drawn on top of everything and hidden until it shows them, and the sources they draw,
   * given in full (a clustered one). They are in the base style, as the other layers are:
   * added to the map one by one, each was a style change of its own.
   */
  ownLayers?: readonly LayerSpecification[];
  ownSources?: Readonly<Record<string, SourceSpecification>>;
  /**
   * Layers whose clicks the overlay handles itself (a request, a cluster): a click on one of
   * them is not also a click on the compound or point under it.
   */
  clickLayers?: readonly string[];
  apply(map: MapLibreMap, state: AppState, previous: AppState | null): void;
}
