import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, waitForMap, SHOTS } from './browser';

/**
 * What a resident or a planner gets on paper: the page is rendered to PDF as Chromium prints
 * it, then read back with poppler (pdfinfo, pdftotext) and turned into PNGs (pdftoppm) to look at.
 */
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs poppler-utils (.ci/run): there a missing pdftoppm fails loudly instead of skipping.
const skip = !hasPoppler && !process.env.CI;
if (skip) console.warn('print.test.ts skipped: pdftoppm/pdftotext not found (Debian: apt-get install -y poppler-utils)');

const session = e2eSession();

interface PrintedPdf {
  pages: number;
  /** The text of each page, as pdftotext lays it out. */
  text: string[];
  /** PNG files of each page in tests/e2e/screenshots. */
  pngs: string[];
}

/** Prints the page to A4 PDF the way the browser's print dialog would, and reads it back. */
async function printToPdf(page: Page, name: string): Promise<PrintedPdf> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  // Kept beside the PNGs (git-ignored), to open in a PDF viewer.
  const file = resolve(SHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\f')
    .slice(0, pages);
  for (const old of readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(SHOTS, old));
  // The first pages at a readable resolution (a long report: its first three and last page).
  const wanted = pages <= 4 ? [...Array(pages).keys()].map((i) => i + 1) : [1, 2, 3, pages];
  for (const n of wanted) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), file, resolve(SHOTS, name)]);
  const pngs = readdirSync(SHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => resolve(SHOTS, f));
  return { pages, text, pngs };
}

const TEXT = {
  zh: {
    card: '打印服务圈卡片',
    cardParts: ['十五分钟服务圈 · 福光苑', '日常服务（最近一处）', '药店', '其他类别（最近一处）', '其他', '数据来源：'],
    report: '打印社区体检报告',
    contents: '目录',
    sections: ['概况', '各项设施的覆盖比例', '各社区达标率', '缺口清单（▲ 应配建项）', '各项规则与受影响居民', '长者食堂', '说明与数据来源'],
    gapHeader: '未达标项目',
  },
  en: {
    card: 'Print a 15-minute card',
    cardParts: ['15-minute service circle · ', 'Everyday services (the nearest of each)', 'Pharmacy', 'Other kinds (the nearest of each)', 'Other', 'Data:'],
    report: 'Print the community report',
    contents: 'Contents',
    sections: [
      'Summary',
      'Share of residents served per facility',
      'Compliance by community',
      'Gaps (▲ required rules)',
      'Rules and the residents affected',
      'Elder canteens',
      'Notes and data sources',
    ],
    gapHeader: 'Rules missed',
  },
} as const;

/** The map draws with SwiftShader on a shared CPU: give it longer than waitForMap's own 30 s. */
async function mapReady(page: Page): Promise<void> {
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 90_000 });
  await waitForMap(page);
}

/** Text with runs of white space made one space: pdftotext lays words out in columns. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(skip)('printing to A4 PDF', () => {
  for (const lang of ['zh', 'en'] as const) {
    const words = TEXT[lang];

    it(`the personal 15-minute card is one A4 page: map, everyday services, the rest compact (${lang})`, async () => {
      const page = await session.page(`./?compound=c-044${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width: 1280, height: 800 } });
      await mapReady(page);
      await page.getByTestId('overclaim').waitFor();
      await page.evaluate(() => {
        window.print = () => undefined;
      });
      await page.getByRole('button', { name: words.card }).click();
      const card = page.getByRole('dialog');
      await card.locator('img.print-map').waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.print-card img.print-map')?.complete === true);
      // Every category present in the sample: the first ten in full rows, the rest in the compact list.
      expect(await card.getByRole('table').getByRole('row').count()).toBe(1 + 10);
      const compact = await card.locator('.print-more li').count();
      expect(compact).toBeGreaterThan(10);

      const pdf = await printToPdf(page, `print-card-${lang}`);
      console.log(`card (${lang}): ${pdf.pages} page(s): ${pdf.pngs.join(', ')}`);
      expect(pdf.pages).toBe(1);
      const text = squeeze(pdf.text[0]!);
      for (const part of words.cardParts) expect(text).toContain(part);
      // The map is on the page as an image, not cut away.
      const images = execFileSync('pdfimages', ['-list', resolve(SHOTS, `print-card-${lang}.pdf`)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      expect(images.length).toBeGreaterThanOrEqual(1);
      await page.close();
    }, 180_000);

    it(`the planner report has contents, page numbers on every page and no row split across pages (${lang})`, async () => {
      const page = await session.page(`./?mode=planner${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width: 1280, height: 860 } });
      await mapReady(page);
      await page.getByTestId('planner-summary').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: words.report }).click();
      const report = page.getByRole('dialog');
      await report.locator('img.report-map').waitFor({ timeout: 20_000 });
      // The contents link to the sections on screen as well as in the PDF.
      const contents = report.getByRole('navigation', { name: words.contents });
      const links = contents.getByRole('link');
      expect(await links.count()).toBe(words.sections.length);
      for (const [k, section] of words.sections.entries()) {
        const link = links.nth(k);
        expect(await link.textContent()).toContain(section);
        const target = (await link.getAttribute('href'))!;
        expect(await report.locator(target).textContent()).toBe(await link.textContent());
      }
      const compounds = await report.locator('.report-gaps tbody th').evaluateAll((cells) => cells.map((th) => th.firstChild!.textContent!.trim()));
      expect(compounds.length).toBeGreaterThan(50);

      const pdf = await printToPdf(page, `print-report-${lang}`);
      console.log(`report (${lang}): ${pdf.pages} pages: ${pdf.pngs.join(', ')}`);
      expect(pdf.pages).toBeGreaterThan(10);
      // The contents on the first page, before the first section (two columns: any order in the text).
      const first = squeeze(pdf.text[0]!);
      const contentsAt = first.indexOf(words.contents);
      expect(contentsAt).toBeGreaterThanOrEqual(0);
      for (const section of words.sections) expect(first.indexOf(section, contentsAt), `"${section}" in the contents`).toBeGreaterThan(contentsAt);
      // "n / N" at the foot of every page.
      pdf.text.forEach((pageText, k) => expect(pageText.trimEnd(), `page ${k + 1}`).toMatch(new RegExp(`(^|\\s)${k + 1} / ${pdf.pages}$`)));
      // The gaps table runs over many pages: each page it continues on repeats its header and
      // starts with a whole row (a compound's name), never with the rest of a row cut in two.
      let continued = 0;
      for (const pageText of pdf.text.slice(1)) {
        const lines = pageText.split('\n').filter((line) => line.trim() !== '');
        const header = lines.findIndex((line) => line.includes(words.gapHeader));
        if (header < 0) continue;
        continued += 1;
        // It starts with a compound's name (its first word: a long name wraps in its cell), not with gaps.
        const firstCell = lines[header + 1]!.trim().split(/\s/)[0]!;
        expect(
          compounds.some((name) => name.startsWith(firstCell)),
          `a page of the gaps table starts with: ${lines[header + 1]}`,
        ).toBe(true);
      }
      expect(continued).toBeGreaterThan(5);
      await page.close();
    }, 180_000);
  }
});
