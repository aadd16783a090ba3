import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareButton } from '../../src/features/resident/ShareDialog';
import { useStore } from '../../src/store';

const initial = useStore.getState();
const VIEW = '/?compound=c-1&profile=elder&lang=zh';
beforeEach(() => {
  useStore.setState(initial, true);
  window.history.replaceState(null, '', VIEW);
});
afterEach(() => vi.restoreAllMocks());

describe('share dialog', () => {
  it('opens with the URL of the view and its QR code, and closes with Escape', async () => {
    render(<ShareButton />);
    const opener = screen.getByRole('button', { name: '分享' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: '分享这个画面' });
    const field = within(dialog).getByRole('textbox', { name: '链接' });
    expect(field).toHaveValue(window.location.href);
    expect(window.location.href).toContain(VIEW);
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    const qr = await within(dialog).findByRole('img', { name: /二维码/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(Number(qr.getAttribute('width'))).toBeGreaterThanOrEqual(200);
    expect(dialog.querySelector('svg')).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('copies the link and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<ShareButton />);
    await user.click(screen.getByRole('button', { name: '分享' }));
    await user.click(screen.getByRole('button', { name: '复制链接' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByText('已复制链接')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers a selectable field when there is no clipboard', async () => {
    const clipboard = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      render(<ShareButton />);
      await userEvent.click(screen.getByRole('button', { name: '分享' }));
      expect(screen.queryByRole('button', { name: '复制链接' })).toBeNull();
      expect(screen.getByText('请选中上面的链接后复制。')).toBeInTheDocument();
      await waitFor(() => expect(screen.getByRole('textbox', { name: '链接' })).toHaveFocus());
    } finally {
      if (clipboard) Object.defineProperty(window.navigator, 'clipboard', clipboard);
      else delete (window.navigator as { clipboard?: unknown }).clipboard;
    }
  });
});
