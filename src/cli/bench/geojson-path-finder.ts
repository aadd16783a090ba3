import * as pathFinderModule from 'geojson-path-finder';

/**
 * geojson-path-finder ships ESM typings, but node runs its CommonJS build (the package has
 * no "exports" map, and its ESM build uses extensionless imports node cannot load), so a
 * default import yields the module object, not the class. This hands over the class
 * however the loader (tsx, node, vitest) wraps it. Peers import it from here.
 */
type PathFinderClass = typeof pathFinderModule.default;
const loaded = pathFinderModule.default as PathFinderClass | { default: PathFinderClass };

export const PathFinder: PathFinderClass = 'default' in loaded ? loaded.default : loaded;
export const { pathToGeoJSON } = pathFinderModule;
