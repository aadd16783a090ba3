import type { Feature, Point } from 'geojson';
import type { VolunteerProps } from '../../domain/dataset';
import { pointInCompound, type CompoundPlan } from './compounds';
import type { Frame } from './frame';
import { COMMUNITIES } from './names';
import type { People } from './people';
import type { Rng } from './prng';

/**
 * The volunteer team: 60 people living in the compounds, 17 of them with medical skills
 * (doctors and nurses, retired or off duty), the rest escorting, repairing, running errands,
 * keeping company or mediating. Availability is OSM opening_hours, some of it overnight.
 */

const VOLUNTEER_COUNT = 60;
const MEDICAL_VOLUNTEERS = 17;

const SKILLS = ['medical', 'escort', 'repair', 'errand', 'companionship', 'mediation'] as const;
type Skill = (typeof SKILLS)[number];

const MEDICAL_HOURS = ['Mo-Su 20:00-02:00', 'Sa,Su 08:00-18:00', 'Mo-Fr 18:30-21:30', 'Tu,Th 14:00-18:00; Sa 09:00-12:00', 'Mo-Su 22:00-06:00'];
const OTHER_HOURS = [
  'Mo-Fr 18:00-21:00',
  'Sa,Su 09:00-17:00',
  'Mo,We,Fr 08:00-12:00',
  'Mo-Su 07:00-09:00,17:00-20:00',
  'Sa 08:00-18:00',
  'Su 08:00-12:00,14:00-18:00',
  'Mo-Fr 09:00-17:00',
  'Fr-Su 19:00-23:00',
  'Mo-Su 20:00-02:00',
];

interface TeamKind {
  zh: (community: string) => string;
  weight: number;
  skills: readonly Skill[];
}

const TEAMS: readonly TeamKind[] = [
  { zh: () => '岳峰镇党员志愿服务队', weight: 3, skills: ['escort', 'repair', 'errand', 'mediation'] },
  { zh: (c) => `${c}社区邻里互助队`, weight: 4, skills: ['errand', 'repair', 'companionship', 'escort'] },
  { zh: (c) => `${c}社区银龄志愿队`, weight: 2, skills: ['companionship', 'mediation', 'escort'] },
  { zh: (c) => `${c}社区青年志愿者服务队`, weight: 2, skills: ['errand', 'repair', 'escort'] },
];

function ordered(skills: Iterable<Skill>): Skill[] {
  const set = new Set(skills);
  return SKILLS.filter((s) => set.has(s));
}

export function volunteerFeatures(rng: Rng, compounds: CompoundPlan[], frame: Frame, people: People): Array<Feature<Point, VolunteerProps>> {
  const medical = new Set(rng.shuffle(Array.from({ length: VOLUNTEER_COUNT }, (_, i) => i)).slice(0, MEDICAL_VOLUNTEERS));
  return Array.from({ length: VOLUNTEER_COUNT }, (_, i) => {
    const home = rng.weighted(compounds, (c) => c.population);
    const community = COMMUNITIES.find((c) => `cm-${c.key}` === home.communityId)?.name.zh ?? '岳峰';
    const person = people.volunteer();
    let team: string;
    let skills: Skill[];
    let availability: string;
    if (medical.has(i)) {
      team = rng.chance(0.7) ? `${community}社区医护志愿队` : '岳峰镇党员志愿服务队';
      skills = ordered(['medical', ...(rng.chance(0.4) ? (['escort'] as const) : []), ...(rng.chance(0.2) ? (['companionship'] as const) : [])]);
      availability = rng.pick(MEDICAL_HOURS);
    } else {
      const kind = rng.weighted(TEAMS, (t) => t.weight);
      team = kind.zh(community);
      skills = ordered(rng.shuffle(kind.skills).slice(0, rng.int(1, 3)));
      availability = rng.pick(OTHER_HOURS);
    }
    const properties: VolunteerProps = {
      id: `v-${String(i + 1).padStart(3, '0')}`,
      name: person.name,
      phone: person.phone,
      team,
      skills,
      availability,
      service_radius_m: rng.int(3, 15) * 100,
    };
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: frame.toLonLat(pointInCompound(rng, home)) } };
  });
}
