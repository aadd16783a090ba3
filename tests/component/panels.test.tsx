import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../../src/components/LanguageSwitch';
import { LayerToggles, Legend } from '../../src/components/LayerPanel';
import { ProblemsBadge, ProblemsPanel } from '../../src/components/ProblemsPanel';
import { Header } from '../../src/components/Header';
import { loadDataset } from '../../src/data/load';
import type { DatasetFile, Problem } from '../../src/domain/dataset';
import { useStore } from '../../src/store';
import { MODE_LAYER_GROUPS } from '../../src/store/uiSlice';
import { tinyDataset } from './tinyDataset';

const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

const PROBLEMS: Problem[] = [
  { file: 'facilities.geojson', id: 'f-9', field: 'category', message: 'unknown category "spa"', severity: 'error' },
  { file: 'compounds.geojson', index: 3, field: 'id', message: 'missing id', severity: 'error' },
  { file: 'compounds.geojson', id: 'c-2', field: 'elderly80', message: 'elderly80 exceeds elderly60', severity: 'warning' },
];

describe('problems badge and panel', () => {
  it('shows no badge when the data has no problems', () => {
    render(<ProblemsBadge />);
    expect(screen.queryByRole('button', { name: /数据问题/ })).toBeNull();
  });

  it('counts problems and lists each with file, feature, field and message', async () => {
    useStore.setState({ problems: PROBLEMS });
    render(
      <>
        <ProblemsBadge />
        <ProblemsPanel />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: '数据问题 3' }));
    const dialog = screen.getByRole('dialog', { name: '数据问题（3）' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('facilities.geojson')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('f-9')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('category')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('第 3 个')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('请核对')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders HTML in a message as text', async () => {
    useStore.setState({
      problems: [{ file: 'compounds.geojson', id: '<b>x</b>', field: 'name', message: '<img src=x onerror=alert(1)>', severity: 'error' }],
      problemsOpen: true,
    });
    const { container } = render(<ProblemsPanel />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.ownerDocument.querySelector('img')).toBeNull();
    expect(container.ownerDocument.querySelector('b')).toBeNull();
  });
});

describe("data problems in the reader's language", () => {
  /** The problems of tests/fixtures/bad-dataset, as the app loads them. */
  async function badDatasetProblems(): Promise<Problem[]> {
    const dir = resolve(import.meta.dirname, '../fixtures/bad-dataset');
    const read = async (name: DatasetFile) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
    return (await loadDataset(read)).problems;
  }

  it('lists them in Chinese, with nothing of the English message left', async () => {
    const problems = await badDatasetProblems();
    expect(problems.length).toBeGreaterThan(10);
    useStore.setState({ problems, problemsOpen: true });
    render(<ProblemsPanel />);
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[3]!.textContent ?? '');
    expect(cells).toHaveLength(problems.length);
    for (const [i, text] of cells.entries()) {
      expect(text, problems[i]!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(text, problems[i]!.message).not.toMatch(/\b(expected|found|missing|is more than|degenerate|not valid)\b|coordinate \[/);
      expect(text).not.toMatch(/\{\w+\}| {2}/);
    }
    expect(cells).toContain('population：应为不小于 0 的整数，实际为 -20');
    expect(cells).toContain('坐标 [26.096, 119.336] 看起来是 [纬度, 经度]；GeoJSON 要求 [经度, 纬度]（经度在前）');
    expect(cells).toContain('elderly80（55）大于 elderly60（40）；80 岁以上的居民也应计入 60 岁以上');
  });

  it('lists them in English as the command line does', async () => {
    const problems = await badDatasetProblems();
    useStore.setState({ problems, problemsOpen: true, lang: 'en' });
    render(<ProblemsPanel />);
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[3]!.textContent ?? '');
    // The app formats numbers for the reader (1,234); the CLI's message does not.
    expect(cells.map((c) => c.replace(/(\d),(\d{3})/g, '$1$2'))).toEqual(problems.map((p) => p.message));
  });
});

describe('header menu', () => {
  it('opens with its button, says so, closes with Escape and gives the focus back', async () => {
    useStore.setState({ dataset: tinyDataset(), status: 'ready' });
    render(<Header actions={<button type="button">规划</button>} />);
    const menu = screen.getByRole('button', { name: '菜单' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(within(panel).getByRole('button', { name: '打开本地数据' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '规划' })).toBeInTheDocument();
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveClass('menu-open');
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
    // Choosing the other language in the menu closes it, and the menu speaks English.
    await userEvent.click(menu);
    await userEvent.click(within(panel).getByRole('button', { name: '切换语言' }));
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('layer toggles', () => {
  it('has a switch for every layer that turns it off and on', async () => {
    render(<LayerToggles />);
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(MODE_LAYER_GROUPS.resident.length);
    const network = screen.getByRole('checkbox', { name: '步行路网' });
    expect(network).toBeChecked();
    await userEvent.click(network);
    expect(useStore.getState().layers.network).toBe(false);
    expect(network).not.toBeChecked();
    await userEvent.click(network);
    expect(useStore.getState().layers.network).toBe(true);
  });

  it('legend lists the categories present, with counts, and hides one', async () => {
    useStore.setState({ dataset: tinyDataset(), status: 'ready' });
    render(<Legend />);
    const clinic = screen.getByRole('checkbox', { name: /卫生服务站\/诊所/ });
    expect(screen.getByText('2 处')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /幼儿园/ })).toBeNull();
    await userEvent.click(clinic);
    // 其他 / other starts hidden (in a real city's import it is most of the icons).
    expect(useStore.getState().hiddenCategories).toEqual(['other', 'clinic']);
  });
});

describe('language switch', () => {
  it('switches the whole UI between Chinese and English', async () => {
    useStore.setState({ dataset: tinyDataset(), status: 'ready' });
    render(
      <>
        <Header />
        <LanguageSwitch />
        <LayerToggles />
      </>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('十五分钟服务圈');
    expect(screen.getByText('示意数据')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: '切换语言' })[0]!);
    expect(useStore.getState().lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('15-minute service circles');
    expect(screen.getByText('Illustrative data')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Walking network' })).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Switch language' })[0]!);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('十五分钟服务圈');
  });
});
