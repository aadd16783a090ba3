import type { CategoryId } from '../../domain/taxonomy';
import type { ZhEn } from './names';

/**
 * How the sample town's facilities are named: the names built from a place's
 * community, street or compound (used by the catalogue, facility-catalog.ts), and what a name
 * says about a place's category and hours.
 */

export interface NameContext {
  community: ZhEn;
  street: ZhEn;
  compound?: ZhEn;
  /** 0-based index of this facility within its demand. */
  n: number;
}

export const zhEn = (zh: string, en: string): ZhEn => ({ zh, en });
export const branch = (chain: ZhEn, c: NameContext): ZhEn => zhEn(`${chain.zh}(${c.street.zh}店)`, `${chain.en} (${c.street.en} branch)`);
export const inCommunity = (c: NameContext, zh: string, en: string): ZhEn => zhEn(`${c.community.zh}${zh}`, `${c.community.en} ${en}`);
export const inCompound = (c: NameContext, zh: string, en: string): ZhEn[] => (c.compound ? [zhEn(`${c.compound.zh}${zh}`, `${c.compound.en} ${en}`)] : []);
export const onStreet = (c: NameContext, zh: string, en: string): ZhEn => zhEn(`${c.street.zh}${zh}`, `${c.street.en} ${en}`);

export const rotate = <T>(items: readonly T[], n: number): T[] => items.map((_, i) => items[(i + n) % items.length] as T);

/**
 * The category of a place the catalogue lists under a broader one (the first sample had
 * no post, police or toilet categories). Applied when the features are written, after
 * placement, so placement and every id stay as they were.
 */
export function categoryForName(zh: string): CategoryId | undefined {
  if (zh.includes('邮政') || zh.includes('菜鸟驿站')) return 'post';
  if (zh.includes('派出所') || zh.includes('警务室')) return 'police';
  if (zh.includes('公共厕所')) return 'public_toilet';
  if (zh.includes('动力健身')) return 'fitness';
  return undefined;
}

/** Hours that follow from what a place is rather than from its category. */
export function hoursForName(zh: string): string | undefined {
  if (zh.includes('邮政')) return 'Mo-Su 08:30-17:30';
  if (zh.includes('派出所') || zh.includes('医院')) return '24/7';
  if (zh.includes('警务室')) return 'Mo-Fr 08:30-17:30; PH off';
  return undefined;
}
