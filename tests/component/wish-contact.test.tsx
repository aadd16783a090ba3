import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WishContact } from '../../src/features/volunteers/wishes/WishContact';

afterEach(() => vi.unstubAllGlobals());

function serve(answer: { status: number; body: unknown }) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the phone a resident left with a wish (workers)', () => {
  it('is not asked for until the worker asks, then shows as a phone link', async () => {
    const fetchMock = serve({ status: 200, body: { wish_id: 'W-000045', phone: '13912345678' } });
    const user = userEvent.setup();
    render(<WishContact wishId="W-000045" />);
    expect(screen.getByText('居民扫码提交')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '查看联系电话' }));
    expect(await screen.findByRole('link', { name: '13912345678' })).toHaveAttribute('href', 'tel:13912345678');
    expect(String(fetchMock.mock.calls[0]![0 as never])).toMatch(/\/api\/wishes\/W-000045\/contact$/);
  });

  it('says when no phone was left, and shows a refusal', async () => {
    serve({ status: 200, body: { wish_id: 'W-1', phone: null } });
    const user = userEvent.setup();
    const { unmount } = render(<WishContact wishId="W-1" />);
    await user.click(screen.getByRole('button', { name: '查看联系电话' }));
    expect(await screen.findByText('未留电话')).toBeInTheDocument();
    unmount();
    serve({ status: 404, body: [{ code: 404, description: 'no wish "W-2" in your scope' }] });
    render(<WishContact wishId="W-2" />);
    await user.click(screen.getByRole('button', { name: '查看联系电话' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no wish "W-2" in your scope');
  });
});
