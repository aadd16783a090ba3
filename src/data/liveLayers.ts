import { parseJsonText } from '../domain/jsonText';
import type { Feature, Point } from 'geojson';
import type { Dataset, RequestProps, VolunteerProps } from '../domain/dataset';
import { toWgs84InPlace } from './crs';
import { validateLayer } from './features';
import { textOf } from './contents';
import type { ReadFile } from './load';
import { keepResolved } from './references';
import { REQUESTS, VOLUNTEERS, type LayerSpec } from './schemas';

type RequestFeature = Feature<Point, RequestProps>;
type VolunteerFeature = Feature<Point, VolunteerProps>;

/** One read of a dataset's live layers: each null (with the error) when it could not be read. */
export interface LiveRead {
  requests: RequestFeature[] | null;
  volunteers: VolunteerFeature[] | null;
  error: string | null;
}

/** Last text and features read per file, so an unchanged file keeps its arrays (and nothing recomputes). */
const liveCache = new Map<string, { text: string; features: Feature[] }>();

/**
 * Reads and validates one live file with the loader's own pieces. null (and an error) when
 * it cannot be read, is not JSON or not a FeatureCollection: the caller keeps its last good data.
 */
async function readLive<P extends { id?: string }>(
  read: ReadFile,
  spec: LayerSpec<P>,
  dataset: Dataset,
  errors: string[],
): Promise<Feature<Point, P>[] | null> {
  try {
    const contents = await read(spec.file);
    if (contents === null) throw new Error('not found');
    const text = await textOf(contents);
    const key = `${dataset.manifest.id}/${spec.file}`;
    const cached = liveCache.get(key);
    if (cached?.text === text) return cached.features as Feature<Point, P>[];
    const result = validateLayer(spec, parseJsonText(text));
    if (!result.features) throw new Error(result.problems[0]?.message ?? 'not a GeoJSON FeatureCollection');
    toWgs84InPlace(result.features, dataset.manifest.crs);
    const features = result.features as Feature<Point, P>[];
    liveCache.set(key, { text, features });
    return features;
  } catch (error) {
    errors.push(`${spec.file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function readLiveLayers(read: ReadFile, dataset: Dataset): Promise<LiveRead> {
  const errors: string[] = [];
  const [requests, volunteers] = await Promise.all([readLive(read, REQUESTS, dataset, errors), readLive(read, VOLUNTEERS, dataset, errors)]);
  const compounds = new Set(dataset.compounds.features.map((c) => c.properties.id));
  const resolved =
    requests &&
    (keepResolved(requests, { file: REQUESTS.file, field: 'compound_id', target: 'a compound', loaded: compounds, seen: compounds }, []) as RequestFeature[]);
  for (const r of resolved ?? []) r.properties.service_request_id ??= r.properties.id;
  return { requests: resolved, volunteers, error: errors.length ? errors.join('; ') : null };
}
