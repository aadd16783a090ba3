import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp } from '../../src/features/report/ReportApp';
import { fakeIntakeApi, type Call } from './reportFakeApi';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const HREF = 'http://localhost/report?compound=c-1';

function openReport(options: { lang?: 'zh' | 'en'; compound?: string | null; resizePhoto?: (file: Blob) => Promise<string> } = {}) {
  return render(
    <ReportApp
      route={{ page: 'report', compound: options.compound === undefined ? 'c-1' : options.compound }}
      lang={options.lang ?? 'zh'}
      href={HREF}
      resizePhoto={options.resizePhoto}
    />,
  );
}

const posted = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url === '/api/intake').map((c) => c.body as Record<string, unknown>);

describe('the QR report page', () => {
  it('names the compound and its community, and offers the services as one choice', async () => {
    fakeIntakeApi();
    openReport();
    expect(await screen.findByText('耀隆宿舍')).toBeInTheDocument();
    expect(screen.getByText(/新华社区/)).toBeInTheDocument();
    const group = screen.getByRole('radiogroup', { name: '1. 什么事？' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['repair', 'canteen', 'recycling']);
    expect(screen.getByText('位置：耀隆宿舍内')).toBeInTheDocument();
    expect(screen.getByRole('application', { name: /耀隆宿舍示意图/ })).toBeInTheDocument();
  });

  it('shows open requests of the same kind nearby, with a link to follow one', async () => {
    const calls = fakeIntakeApi();
    const user = userEvent.setup();
    openReport();
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    const notice = await screen.findByRole('region', { name: '附近已有人反映过类似问题' });
    expect(within(notice).getByText('协调 · 3 天前 · 约 12 米')).toBeInTheDocument();
    expect(within(notice).getByRole('link', { name: '跟进这一条' })).toHaveAttribute('href', '/track?id=YF-2026-0042');
    expect(calls.some((c) => c.url === '/api/intake/nearby?service_code=repair&lat=26.09&long=119.33')).toBe(true);
    // Another kind: nothing nearby, no notice.
    await user.click(screen.getByRole('radio', { name: '助餐 / 食堂' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '附近已有人反映过类似问题' })).toBeNull());
  });

  it('says what is missing, one thing at a time, and sends nothing', async () => {
    const calls = fakeIntakeApi();
    const user = userEvent.setup();
    openReport();
    const send = await screen.findByRole('button', { name: '提交' });
    await user.click(send);
    expect(screen.getByRole('alert')).toHaveTextContent('请选择是什么事。');
    await user.click(screen.getByRole('radio', { name: '维修' }));
    await user.click(send);
    expect(screen.getByRole('alert')).toHaveTextContent('请说明情况。');
    expect(screen.getByLabelText('3. 请说明情况')).toHaveFocus();
    await user.type(screen.getByLabelText('3. 请说明情况'), '楼道灯坏了');
    await user.type(screen.getByLabelText('5. 联系电话（可不填）'), 'call me');
    await user.click(send);
    expect(screen.getByRole('alert')).toHaveTextContent('电话号码格式不对。');
    expect(screen.getByLabelText('5. 联系电话（可不填）')).toHaveFocus();
    expect(posted(calls)).toEqual([]);
  });

  it('counts the characters and refuses more than 1,000', async () => {
    const calls = fakeIntakeApi();
    const user = userEvent.setup();
    openReport();
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    const text = screen.getByLabelText('3. 请说明情况');
    await user.click(text);
    await user.paste('灯'.repeat(1001));
    expect(screen.getByText('1,001 / 1,000 字')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('alert')).toHaveTextContent('说明最多 1,000 字。');
    expect(posted(calls)).toEqual([]);
  });

  it('sends what the resident chose, where the pin is, and shows the tracking code to keep', async () => {
    const calls = fakeIntakeApi();
    const user = userEvent.setup();
    openReport();
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    // The arrow keys move the pin 5 m (Shift: 20 m).
    screen.getByRole('application').focus();
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}{ArrowRight}');
    await user.type(screen.getByLabelText('3. 请说明情况'), '  <b>3 号楼</b> 楼道灯坏了  ');
    await user.type(screen.getByLabelText('5. 联系电话（可不填）'), '139 0000-1111');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByRole('heading', { name: '已收到，谢谢！' })).toHaveFocus();
    const [body] = posted(calls);
    expect(body).toMatchObject({ service_code: 'repair', compound_id: 'c-1', description: '<b>3 号楼</b> 楼道灯坏了', phone: '13900001111', website: '' });
    expect(body!.photo).toBeUndefined();
    expect(((body!.lat as number) - 26.09) * 110_574).toBeCloseTo(20, 1);
    expect(((body!.long as number) - 119.33) * 111_320 * Math.cos((26.088 * Math.PI) / 180)).toBeCloseTo(5, 1);
    expect(screen.getByTestId('tracking-code')).toHaveTextContent('K7Q4M 9XP2R');
    expect(screen.getByRole('link', { name: '查看办理进度' })).toHaveAttribute('href', '/track?code=K7Q4M9XP2R');
    expect(screen.getByText(/请保存这个查询码/)).toBeInTheDocument();
    // The text typed is never put back as markup.
    expect(document.querySelector('b')).toBeNull();
  });

  it('sends the photo made small in the browser, and lets the resident remove it', async () => {
    const calls = fakeIntakeApi();
    const user = userEvent.setup();
    const resize = vi.fn(async () => 'data:image/jpeg;base64,/9j/small');
    openReport({ resizePhoto: resize });
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_0001.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText('选择或拍摄照片'), file);
    expect(await screen.findByRole('img', { name: '将要上传的照片' })).toHaveAttribute('src', 'data:image/jpeg;base64,/9j/small');
    expect(resize).toHaveBeenCalledWith(file);
    await user.click(screen.getByRole('button', { name: '去掉照片' }));
    expect(screen.queryByRole('img', { name: '将要上传的照片' })).toBeNull();
    await user.upload(screen.getByLabelText('选择或拍摄照片'), file);
    await screen.findByRole('img', { name: '将要上传的照片' });
    await user.type(screen.getByLabelText('3. 请说明情况'), '垃圾没人清');
    await user.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByTestId('tracking-code');
    expect(posted(calls)[0]).toMatchObject({ photo: 'data:image/jpeg;base64,/9j/small' });
    expect(posted(calls)[0]!.phone).toBeUndefined();
  });

  it('says so when a photo cannot be read', async () => {
    fakeIntakeApi();
    const user = userEvent.setup();
    openReport({ resizePhoto: () => Promise.reject(new Error('bad')) });
    await user.upload(await screen.findByLabelText('选择或拍摄照片'), new File(['x'], 'x.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这张照片无法读取，请换一张。');
  });

  it('explains the limit when the server answers 429, keeping what was typed', async () => {
    fakeIntakeApi((call) => (call.method === 'POST' ? { status: 429, body: [{ code: 429, description: '提交太频繁' }] } : undefined));
    const user = userEvent.setup();
    openReport();
    await user.click(await screen.findByRole('radio', { name: '维修' }));
    await user.type(screen.getByLabelText('3. 请说明情况'), '楼道灯坏了');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('提交太频繁，请稍后再试或拨打社区电话。');
    expect(screen.getByLabelText('3. 请说明情况')).toHaveValue('楼道灯坏了');
    expect(screen.getByRole('button', { name: '提交' })).toBeEnabled();
  });

  it('says when a QR code names no known compound', async () => {
    fakeIntakeApi();
    openReport({ compound: 'c-404' });
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个小区');
  });

  it('speaks English with ?lang=en and links back to Chinese', async () => {
    fakeIntakeApi();
    openReport({ lang: 'en' });
    expect(screen.getByRole('heading', { name: 'Report a problem', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('Yaolong Dormitory')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Repairs' })).toBeInTheDocument();
    expect(screen.getByText('Place: inside Yaolong Dormitory')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '中文' })).toHaveAttribute('href', '/report?compound=c-1');
  });
});
