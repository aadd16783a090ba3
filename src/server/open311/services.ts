import type { Dataset } from '../../domain/dataset';
import { INTAKE_SERVICE_CODES, isIntakeService } from '../../domain/intake/services';
import { CATEGORIES, categoryOf } from '../../domain/taxonomy';
import { KNOWN_SKILLS, skillsPresent } from '../../domain/volunteers/skills';
import { codeLabel } from '../../features/volunteers/format';
import { LANGS, translate, type Lang, type MessageKey } from '../../i18n';
import '../../i18n/all';

/** One entry of GET services (GeoReport v2, "GET Service List"). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** No service asks for extra attributes (no service definitions). */
  metadata: false;
  type: 'realtime';
  /** Comma-separated, as the spec has it. */
  keywords: string;
  group: string;
}

type Group = 'facility' | 'volunteer' | 'other';

const GROUP_KEY: Record<Group, MessageKey> = { facility: 'open311.group.facility', volunteer: 'open311.group.volunteer', other: 'open311.group.other' };
const DESCRIPTION_KEY: Record<Group, MessageKey> = {
  facility: 'open311.service.facility',
  volunteer: 'open311.service.volunteer',
  other: 'open311.service.other',
};

/** "长者食堂/社区食堂" → ["长者食堂", "社区食堂"]; "Elder / community canteen" → ["Elder", "community canteen"]. */
const parts = (name: string) =>
  name
    .split(/\s*[/／]\s*|（|）|\(|\)|、|，|,/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * The services this dataset answers, in both languages: every facility category (problems
 * with a facility), every volunteer skill (help at home), and the codes the intake page
 * (民情二维码) and the dataset's requests use, so that every stored request has a listed service.
 */
export class ServiceCatalogue {
  private readonly groups = new Map<string, Group>();
  private readonly lists: Record<Lang, Open311Service[]>;

  constructor(dataset: Dataset) {
    for (const c of CATEGORIES) this.groups.set(c.id, 'facility');
    for (const skill of [...KNOWN_SKILLS, ...skillsPresent(dataset.volunteers.features.map((f) => f.properties))]) {
      if (!this.groups.has(skill)) this.groups.set(skill, 'volunteer');
    }
    // The intake page's own codes (its "other") and whatever the dataset's requests use.
    for (const code of [...INTAKE_SERVICE_CODES, ...dataset.requests.features.map((r) => r.properties.service_code)])
      if (!this.groups.has(code)) this.groups.set(code, 'other');
    this.lists = Object.fromEntries(LANGS.map((lang) => [lang, [...this.groups].map(([code, group]) => this.entry(code, group, lang))])) as Record<
      Lang,
      Open311Service[]
    >;
  }

  has(code: string): boolean {
    return this.groups.has(code);
  }

  list(lang: Lang): readonly Open311Service[] {
    return this.lists[lang];
  }

  /** The service's name; the code itself for a code not listed. */
  name(code: string, lang: Lang): string {
    const group = this.groups.get(code);
    if (group === 'other' && isIntakeService(code)) return translate(lang, `report.service.${code}`);
    return group ? codeLabel((key, vars) => translate(lang, key, vars), lang, code) : code;
  }

  private entry(code: string, group: Group, lang: Lang): Open311Service {
    const name = this.name(code, lang);
    const category = categoryOf(code);
    const names = category ? [...parts(category.zh), ...parts(category.en)] : LANGS.map((l) => this.name(code, l));
    const keywords = [...new Set([...names, code])].join(',');
    return {
      service_code: code,
      service_name: name,
      description: translate(lang, DESCRIPTION_KEY[group], { name }),
      metadata: false,
      type: 'realtime',
      keywords,
      group: translate(lang, GROUP_KEY[group]),
    };
  }
}
