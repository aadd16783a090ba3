import { describe, expect, it } from 'vitest';
import { nearbyOpenRequests, type NearbyCandidate } from '../../src/domain/intake/nearby';
import { fromLocalM, localFrame, toLocalM } from '../../src/domain/intake/projection';
import { canRate, trackingSteps } from '../../src/domain/intake/tracking';
import { newTrackingCode, normalizeTrackingCode, TRACKING_ALPHABET } from '../../src/server/intake/trackingCode';
import { SlidingWindowLimiter } from '../../src/server/rateLimit';

/** 1 m north is 1 / 110,574 degrees of latitude. */
const north = (m: number) => m / 110_574;

describe('nearby open requests', () => {
  const at = { lon: 119.33, lat: 26.09 };
  const base: NearbyCandidate = {
    id: 'a',
    serviceCode: 'repair',
    status: 'open',
    stage: 'collect',
    lon: at.lon,
    lat: at.lat,
    requestedAt: '2026-12-01T00:00:00Z',
  };
  it('keeps open ones of the same service within 50 m, nearest first, rounded to metres', () => {
    const found = nearbyOpenRequests(
      [
        { ...base, id: 'far', lat: at.lat + north(51) },
        { ...base, id: 'edge', lat: at.lat + north(49.6) },
        { ...base, id: 'here' },
        { ...base, id: 'closed', status: 'closed' },
        { ...base, id: 'other', serviceCode: 'canteen' },
      ],
      'repair',
      at.lon,
      at.lat,
    );
    expect(found.map((r) => [r.id, r.distanceM])).toEqual([
      ['here', 0],
      ['edge', 50],
    ]);
    expect(Object.keys(found[0]!).sort()).toEqual(['distanceM', 'id', 'requestedAt', 'stage']);
  });

  it('offers at most five', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ ...base, id: `r${i}`, lat: at.lat + north(i) }));
    expect(nearbyOpenRequests(many, 'repair', at.lon, at.lat).map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });
});

describe('tracking steps', () => {
  it('keeps the filing and every change of stage, naming no staff member', () => {
    const steps = trackingSteps([
      { at: '1', actor: 'resident', fromStage: null, toStage: 'collect' },
      { at: '2', actor: 'wang', fromStage: 'collect', toStage: 'collect' },
      { at: '3', actor: 'wang', fromStage: 'collect', toStage: 'deliberate' },
      { at: '4', actor: 'open311:hotline', fromStage: 'deliberate', toStage: 'coordinate' },
      { at: '5', actor: 'system', fromStage: 'coordinate', toStage: 'execute' },
    ]);
    expect(steps).toEqual([
      { stage: 'collect', at: '1', by: 'resident' },
      { stage: 'deliberate', at: '3', by: 'community' },
      { stage: 'coordinate', at: '4', by: 'community' },
      { stage: 'execute', at: '5', by: 'system' },
    ]);
  });

  it('opens rating at 公示, and at 评价 until rated', () => {
    expect(['collect', 'deliberate', 'coordinate', 'execute'].map((s) => canRate(s as 'collect', null))).toEqual([false, false, false, false]);
    expect(canRate('publish', null)).toBe(true);
    expect(canRate('rate', null)).toBe(true);
    expect(canRate('rate', 4)).toBe(false);
  });
});

describe('tracking codes', () => {
  it('draws ten unambiguous characters and reads them back however they are typed', () => {
    const code = newTrackingCode();
    expect(code).toHaveLength(10);
    expect([...code].every((c) => TRACKING_ALPHABET.includes(c))).toBe(true);
    expect(TRACKING_ALPHABET).not.toMatch(/[01OIL]/);
    expect(normalizeTrackingCode(` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
    expect(normalizeTrackingCode('ABCDE0GHJK')).toBeNull();
    expect(normalizeTrackingCode('ABC')).toBeNull();
    expect(new Set(Array.from({ length: 1000 }, newTrackingCode)).size).toBe(1000);
  });
});

describe('sliding-window limiter', () => {
  it('allows `limit` events per window, slides, and gives a slot back on release', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(limiter.take('ip', 0)).not.toBeNull();
    const second = limiter.take('ip', 500)!;
    expect(limiter.take('ip', 600)).toBeNull();
    expect(limiter.retryAfterMs('ip', 600)).toBe(400);
    second();
    expect(limiter.take('ip', 700)).not.toBeNull();
    expect(limiter.take('ip', 999)).toBeNull();
    expect(limiter.take('ip', 1001)).not.toBeNull();
    expect(limiter.take('other', 1001)).not.toBeNull();
  });

  it('forgets the least recently used keys beyond its bound', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key, 0);
    expect(limiter.count('a', 1)).toBe(0);
    expect(limiter.count('d', 1)).toBe(1);
  });
});

describe('local projection', () => {
  it('goes to metres and back', () => {
    const frame = localFrame(119.33, 26.09);
    const [e, n] = toLocalM(frame, 119.331, 26.0905);
    expect(e).toBeCloseTo(100, -1);
    expect(n).toBeCloseTo(55.3, 0);
    const [lon, lat] = fromLocalM(frame, e, n);
    expect(lon).toBeCloseTo(119.331, 9);
    expect(lat).toBeCloseTo(26.0905, 9);
  });
});
