import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { fromOpen311, toOpen311, type RequestFeature } from '../../src/domain/volunteers/open311';

const SAMPLE = new URL('../../data/yuefeng-sample', import.meta.url).pathname;

const request: RequestFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [119.3312, 26.0921] },
  properties: {
    id: 'r-7',
    service_request_id: 'YF-2026-0007',
    service_code: 'companionship',
    description: '独居老人希望有人定期上门聊天',
    status: 'open',
    stage: 'deliberate',
    requested_datetime: '2026-08-29T21:04:00+08:00',
    updated_datetime: '2026-09-05T01:04:00+08:00',
    expected_datetime: '2026-09-05T21:04:00+08:00',
    compound_id: 'c-013',
  },
};

describe('Open311 GeoReport v2', () => {
  it('exports the GeoReport fields with our stage in extended_attributes', () => {
    const [out] = toOpen311([request], { includeDescription: true, serviceName: () => '陪伴', statusNotes: () => '民主协商议事' });
    expect(out).toEqual({
      service_request_id: 'YF-2026-0007',
      status: 'open',
      status_notes: '民主协商议事',
      service_name: '陪伴',
      service_code: 'companionship',
      description: '独居老人希望有人定期上门聊天',
      requested_datetime: '2026-08-29T21:04:00+08:00',
      updated_datetime: '2026-09-05T01:04:00+08:00',
      expected_datetime: '2026-09-05T21:04:00+08:00',
      lat: 26.0921,
      long: 119.3312,
      extended_attributes: { stage: 'deliberate', id: 'r-7', compound_id: 'c-013' },
    });
  });

  it('leaves request texts out unless asked', () => {
    expect(toOpen311([request])[0]!.description).toBeNull();
  });

  it('round-trips every request of the sample through JSON', async () => {
    const { dataset } = await loadDataset(fromDirectory(SAMPLE));
    const requests = dataset!.requests.features;
    expect(requests).toHaveLength(125);
    const json = JSON.parse(JSON.stringify(toOpen311(requests, { includeDescription: true })));
    const back = fromOpen311(json);
    expect(back.problems).toEqual([]);
    expect(back.features).toEqual(requests.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })));
  });

  it('reads a bare 12345-style export: stage from the status, with a warning', () => {
    const { features, problems } = fromOpen311({
      service_requests: [
        { service_request_id: 12345, status: 'CLOSED', service_code: 'repair', requested_datetime: '2026-10-01T08:00:00+08:00', lat: '26.09', long: '119.33' },
        {
          service_request_id: 'A-2',
          status: 'open',
          service_code: 'clinic',
          requested_datetime: '2026-10-02T08:00:00+08:00',
          lat: 26.1,
          long: 119.3,
          extended_attributes: { stage: 'execute', rating: 9 },
        },
      ],
    });
    expect(features.map((f) => [f.properties.id, f.properties.status, f.properties.stage, f.properties.rating])).toEqual([
      ['12345', 'closed', 'rate', undefined],
      ['A-2', 'open', 'execute', undefined],
    ]);
    expect(features[0]!.geometry.coordinates).toEqual([119.33, 26.09]);
    expect(problems).toEqual([expect.objectContaining({ id: '12345', field: 'extended_attributes.stage', severity: 'warning' })]);
  });

  it('leaves out and lists entries it cannot use, keeping the rest', () => {
    const ok = {
      service_request_id: 'ok',
      status: 'open',
      service_code: 'repair',
      requested_datetime: '2026-10-01T08:00:00+08:00',
      lat: 26,
      long: 119,
      extended_attributes: { stage: 'collect' },
    };
    const { features, problems } = fromOpen311([
      ok,
      { ...ok, service_request_id: 'ok' },
      { ...ok, service_request_id: 'no-status', status: 'pending' },
      { ...ok, service_request_id: 'no-time', requested_datetime: 'soon' },
      { ...ok, service_request_id: 'no-place', lat: 200 },
      { status: 'open' },
      'not an object',
    ]);
    expect(features.map((f) => f.properties.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.id ?? p.index, p.field])).toEqual([
      ['ok', 'service_request_id'],
      ['no-status', 'status'],
      ['no-time', 'requested_datetime'],
      ['no-place', 'lat/long'],
      [5, 'service_request_id'],
      [6, 'service_request_id'],
    ]);
    expect(fromOpen311({ hello: 1 }).problems[0]).toMatchObject({ field: '(file)', severity: 'error' });
  });
});
