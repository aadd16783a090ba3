import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp } from '../../src/features/report/ReportApp';
import { fakeIntakeApi } from './reportFakeApi';

/** 微心愿 from the QR page: the second half of the intake page. */

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const wishAnswer = (url: string, method: string) =>
  url === '/api/intake/wishes' && method === 'POST' ? { status: 201, body: { wish_id: 'W-000045' } } : undefined;

describe('a small wish from the QR page', () => {
  it('posts the wish for the compound, the phone apart from the text, and thanks with its number', async () => {
    const calls = fakeIntakeApi((call) => wishAnswer(call.url, call.method));
    const user = userEvent.setup();
    render(<ReportApp route={{ page: 'report', compound: 'c-1' }} lang="zh" href="http://localhost/report?compound=c-1" />);
    await user.click(await screen.findByRole('button', { name: '许个微心愿' }));
    expect(screen.getByRole('button', { name: '许个微心愿' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText('1. 你的微心愿'), '想请人帮忙换一下厨房的灯泡');
    await user.type(screen.getByLabelText('2. 联系电话（可不填）'), '139 1234 5678');
    await user.click(screen.getByRole('button', { name: '提交心愿' }));
    await screen.findByRole('heading', { name: '心愿已收到，谢谢！' });
    expect(screen.getByTestId('wish-id')).toHaveTextContent('W-000045');
    const sent = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toEqual({ compound_id: 'c-1', text: '想请人帮忙换一下厨房的灯泡', phone: '13912345678', website: '' });
  });

  it('says before sending that the text must not carry a phone number, and shows the server’s refusal', async () => {
    const calls = fakeIntakeApi((call) =>
      call.url === '/api/intake/wishes' ? { status: 429, body: [{ code: 429, description: 'Too many reports' }] } : undefined,
    );
    const user = userEvent.setup();
    render(<ReportApp route={{ page: 'report', compound: 'c-1' }} lang="zh" href="http://localhost/report?compound=c-1" />);
    await user.click(await screen.findByRole('button', { name: '许个微心愿' }));
    await user.click(screen.getByRole('button', { name: '提交心愿' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请写下你的微心愿');
    await user.type(screen.getByLabelText('1. 你的微心愿'), '请打13912345678找我');
    await user.click(screen.getByRole('button', { name: '提交心愿' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请不要写电话或身份证号');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.clear(screen.getByLabelText('1. 你的微心愿'));
    await user.type(screen.getByLabelText('1. 你的微心愿'), '陪老人聊聊天');
    await user.click(screen.getByRole('button', { name: '提交心愿' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('提交太频繁');
  });

  it('in English too, and going back to reporting a problem keeps the report form', async () => {
    fakeIntakeApi();
    const user = userEvent.setup();
    render(<ReportApp route={{ page: 'report', compound: 'c-1' }} lang="en" href="http://localhost/report?compound=c-1&lang=en" />);
    await user.click(await screen.findByRole('button', { name: 'Make a small wish' }));
    expect(screen.getByLabelText('1. Your small wish')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Report a problem' }));
    expect(await screen.findByRole('radio', { name: 'Repairs' })).toBeInTheDocument();
  });
});
