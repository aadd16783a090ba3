import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenBadge } from '../../src/features/resident/OpenBadge';

// A file of its own: the opening_hours library must not have been loaded by an earlier test.

const SH = 'Asia/Shanghai';
const facilities = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/yuefeng-sample/facilities.geojson'), 'utf8')) as {
  features: { properties: { id: string; opening_hours?: string } }[];
};

describe('open badge without the opening_hours library', () => {
  const consoleError = vi.spyOn(console, 'error');
  beforeEach(() => consoleError.mockClear());
  afterEach(() => expect(consoleError).not.toHaveBeenCalled());

  it('reads every opening hours of the sample at once, without loading the library', () => {
    const now = new Date('2026-10-02T11:00:00+08:00'); // 国庆: the offices are closed
    const withHours = facilities.features.filter((f) => f.properties.opening_hours);
    render(
      <ul>
        {withHours.map((f) => (
          <li key={f.properties.id}>
            <OpenBadge hours={f.properties.opening_hours} now={now} timeZone={SH} />
          </li>
        ))}
      </ul>,
    );
    // Waiting for the library would say 时间未知 first.
    expect(screen.queryByText('时间未知')).toBeNull();
    expect(screen.getAllByText('营业中').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^已关门/).length).toBeGreaterThan(0);
  });

  it('says 时间未知 while the library loads for an unusual value, then the answer', async () => {
    const hours = 'Mo-Fr 08:00-17:30; Sa 08:00-12:00; Jan off';
    const { rerender } = render(<OpenBadge hours={hours} now={new Date('2026-03-04T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('时间未知')).toBeInTheDocument();
    expect(await screen.findByText('营业中')).toBeInTheDocument();
    // Friday 29 January 2027: closed for January, open again on Monday 1 February.
    rerender(<OpenBadge hours={hours} now={new Date('2027-01-29T10:00:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('已关门（周一 08:00 开门）')).toBeInTheDocument();
  });

  it('answers at once once the library is there, past midnight too', () => {
    render(<OpenBadge hours="Mo-Su 20:00-02:00" now={new Date('2026-03-05T01:40:00+08:00')} timeZone={SH} />);
    expect(screen.getByText('即将关门（02:00）')).toBeInTheDocument();
  });
});
