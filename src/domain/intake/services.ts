/**
 * The services a resident may pick on the intake page (民情二维码): the everyday asks of the
 * seeds' "实事微清单" (repairs, errands, a doctor, meals, a clean yard, a quarrel between
 * neighbours). Each code is one the rest of the project already uses: a volunteer skill
 * (domain/volunteers/skills.ts) or a facility category (taxonomy.json), so an intake request
 * lands in the same Open311 service list, ledger filters and volunteer matching as any other.
 * Names live in i18n (`report.service.<code>`), not here.
 */
export const INTAKE_SERVICE_CODES = [
  'repair',
  'errand',
  'medical',
  'escort',
  'canteen',
  'companionship',
  // 环境卫生 (rubbish, a dirty stairwell): filed under the waste-collection category.
  'recycling',
  'mediation',
  'other',
] as const;
export type IntakeServiceCode = (typeof INTAKE_SERVICE_CODES)[number];

export function isIntakeService(code: unknown): code is IntakeServiceCode {
  return typeof code === 'string' && (INTAKE_SERVICE_CODES as readonly string[]).includes(code);
}

/** A large glyph for each service button (readable for elders, no icon font needed). */
export const INTAKE_SERVICE_GLYPH: Readonly<Record<IntakeServiceCode, string>> = {
  repair: '修',
  errand: '跑',
  medical: '医',
  escort: '陪',
  canteen: '餐',
  companionship: '伴',
  recycling: '洁',
  mediation: '调',
  other: '他',
};
