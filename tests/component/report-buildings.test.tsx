import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp, routeOf } from '../../src/features/report/ReportApp';
import { fakeIntakeApi } from './reportFakeApi';

/** QR codes per building (楼栋): the poster of each building, and the report filed under it. */

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const BUILDINGS = [
  { id: 'c-1-b1', name: { zh: '耀隆宿舍1号楼', en: 'Yaolong Dormitory Building 1' }, compound_id: 'c-1' },
  { id: 'c-1-b2', name: { zh: '耀隆宿舍2号楼', en: 'Yaolong Dormitory Building 2' }, compound_id: 'c-1' },
];
const buildingsOf = (url: string) => {
  if (url === '/api/intake/buildings') return { body: { buildings: BUILDINGS } };
  if (url === '/api/intake/buildings?compound=c-1') return { body: { buildings: BUILDINGS } };
  return undefined;
};

describe('a building QR code', () => {
  it('reads the building from the address', () => {
    expect(routeOf({ pathname: '/report', search: '?compound=c-1&building=c-1-b2' })).toEqual({ page: 'report', compound: 'c-1', building: 'c-1-b2' });
  });

  it('names the building and files the report under it', async () => {
    const calls = fakeIntakeApi((call) => buildingsOf(call.url));
    const user = userEvent.setup();
    render(<ReportApp route={{ page: 'report', compound: 'c-1', building: 'c-1-b2' }} lang="zh" href="http://localhost/report?compound=c-1&building=c-1-b2" />);
    expect(await screen.findByText('· 耀隆宿舍2号楼')).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    await user.type(screen.getByLabelText('3. 请说明情况'), '楼道灯坏了');
    await user.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByRole('heading', { name: '已收到，谢谢！' });
    const sent = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ compound_id: 'c-1', building_id: 'c-1-b2' });
  });

  it('still takes the report, for the compound, when the building is not one of its', async () => {
    const calls = fakeIntakeApi((call) => buildingsOf(call.url));
    const user = userEvent.setup();
    render(<ReportApp route={{ page: 'report', compound: 'c-1', building: 'c-9-b1' }} lang="zh" href="http://localhost/report" />);
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    expect(screen.queryByText(/号楼$/)).toBeNull();
    await user.type(screen.getByLabelText('3. 请说明情况'), '楼道灯坏了');
    await user.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByRole('heading', { name: '已收到，谢谢！' });
    const sent = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent.compound_id).toBe('c-1');
    expect(sent.building_id).toBeUndefined();
  });
});

describe('posters per building', () => {
  it('prints one poster per building, and one per compound without buildings', async () => {
    fakeIntakeApi((call) =>
      call.url === '/api/intake/compounds'
        ? {
            body: {
              cycle_days: 7,
              compounds: [
                { id: 'c-1', name: { zh: '耀隆宿舍', en: 'Yaolong Dormitory' }, community: { id: 'cm-1', name: { zh: '新华社区', en: 'Xinhua' } } },
                { id: 'c-2', name: { zh: '瑞城花园', en: 'Ruicheng Garden' }, community: null },
              ],
            },
          }
        : buildingsOf(call.url),
    );
    render(<ReportApp route={{ page: 'posters' }} lang="zh" href="https://yuefeng.example/posters" />);
    const posters = await screen.findAllByRole('article');
    expect(posters.map((p) => p.getAttribute('aria-label'))).toEqual(['耀隆宿舍 耀隆宿舍1号楼', '耀隆宿舍 耀隆宿舍2号楼', '瑞城花园']);
    const qr = await within(posters[1]!).findByRole('img', { name: '耀隆宿舍2号楼反映问题二维码' });
    expect(qr).toHaveAttribute('data-url', 'https://yuefeng.example/report?compound=c-1&building=c-1-b2');
    const plain = await within(posters[2]!).findByRole('img', { name: '瑞城花园反映问题二维码' });
    expect(plain).toHaveAttribute('data-url', 'https://yuefeng.example/report?compound=c-2');
    expect(screen.getByText(/每栋楼一张 A4 海报（2 个小区），共 3 张/)).toBeInTheDocument();
  });
});
