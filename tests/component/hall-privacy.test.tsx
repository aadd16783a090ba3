import { fireEvent, render } from '@testing-library/react';
import type { Feature, Point } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, RequestProps, VolunteerProps } from '../../src/domain/dataset';
import { useStore } from '../../src/store';
import { advance, HallScreen, showOnHall } from './hall-harness';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
/** Chinese mobile and landline numbers. */
const PHONE = /(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;
const PEOPLE = ['王小明', '陈静', '李建国', '赵敏'];

/** Attribute values as text: the QR code's SVG data URL is percent-encoded. */
const decoded = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const at = <P,>(lon: number, properties: P): Feature<Point, P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, 26.091] }, properties });

/** The tiny dataset with everything personal a real one may hold: staff, volunteers, request texts, facility phones. */
function withPersonalData(): Dataset {
  const d = tinyDataset();
  d.facilities.features[0]!.properties.phone = '0591-87654321';
  d.volunteers.features = [
    ...['陈静', '李建国', '赵敏', '陈静', '李建国', '赵敏'].map((name, i) =>
      at<VolunteerProps>(119.331 + i * 1e-4, { id: `v-${i}`, name, phone: `1370000000${i}`, skills: ['medical'], service_radius_m: 800 }),
    ),
  ];
  d.requests.features = Array.from({ length: 7 }, (_, i) =>
    at<RequestProps>(119.331, {
      id: `r-${i}`,
      service_request_id: `YF-${i}`,
      service_code: 'repair',
      description: `赵敏家楼顶漏水，电话13912345678`,
      status: 'open',
      stage: i < 5 ? 'collect' : 'execute',
      requested_datetime: '2026-10-2' + i + 'T10:00:00+08:00',
    }),
  );
  return d;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00+08:00'));
  useStore.setState({ ...initial }, true);
});
afterEach(() => vi.useRealTimers());

describe('no personal data on the hall screen', () => {
  it('walks every view and finds no phone number or name of a volunteer, staff member or requester', async () => {
    showOnHall(withPersonalData(), 'overview,communities,spotlight.canteen,gaps,volunteers,requests');
    const { container } = render(<HallScreen />);
    const kinds = new Set<string>();
    for (const slide of useStore.getState().hallSlides) {
      await advance(10);
      kinds.add(slide.kind);
      const attributes = [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => decoded(a.value)));
      const seen = `${container.textContent ?? ''}\n${attributes.join('\n')}`;
      expect(seen, slide.key).not.toMatch(PHONE);
      for (const name of PEOPLE) expect(seen, slide.key).not.toContain(name);
      expect(seen).not.toContain('漏水');
      fireEvent.keyDown(window, { key: 'ArrowRight' });
    }
    expect([...kinds]).toEqual(['overview', 'area', 'spotlight', 'gaps', 'volunteers', 'requests']);
    // What the map draws is the public dataset: no staff, no phones, no volunteers, no requests.
    const drawn = JSON.stringify(useStore.getState().dataset);
    expect(drawn).not.toMatch(PHONE);
    for (const name of PEOPLE) expect(drawn).not.toContain(name);
  });

  it('shows request counts below five as "<5"', async () => {
    showOnHall(withPersonalData(), 'requests');
    const { container } = render(<HallScreen />);
    await advance(10);
    const values = [...container.querySelectorAll('.hall-stage-value')].map((el) => el.textContent);
    expect(values).toEqual(['5', '<5', '<5', '<5', '<5', '<5']);
    expect(container.textContent).toContain('共 7 件');
    // Data "as of 1 November" reports October, counted through its last day (dataset time zone).
    expect(container.textContent).toContain('2026年10月居民诉求办理情况');
    expect(container.textContent).toContain('统计至 2026年10月31日');
  });
});
