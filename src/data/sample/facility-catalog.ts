import type { CategoryId } from '../../domain/taxonomy';
import type { LotKind } from './landuse';
import type { ZhEn } from './names';
import { BANKS, CLINICS, CONVENIENCE_CHAINS, PHARMACY_CHAINS, SUPERMARKETS } from './facility-chains';
import { branch, inCommunity, inCompound, onStreet, rotate, zhEn, type NameContext } from './facility-names';
import type { Rng } from './prng';

/**
 * What facilities the sample town has, where each kind sits, what it is called and when
 * it opens (OSM opening_hours syntax). Some kinds are deliberately missing on one bank of
 * the river (fresh markets and middle schools in the north, elderly care in the south) so
 * the planner has gaps to find.
 */

export interface FacilityDemand {
  category: CategoryId;
  /** 'lot': a site of its own; 'frontage': a shop beside a street; 'gate': inside a compound by a gate. */
  where: 'lot' | 'riverside' | 'frontage' | 'gate';
  count: number;
  lot?: LotKind;
  bank?: 'north' | 'south';
  /** A community key, or 'each' for one in every community (count is then ignored). */
  community?: string;
  /** Only on primary / secondary / tertiary streets. */
  mainStreet?: boolean;
  /** Candidate names, best first; the first one not taken yet is used. */
  names: (c: NameContext) => ZhEn[];
  hours: readonly string[];
  /** Hours of the first facility of the demand, when it differs from the rest. */
  firstHours?: string;
  capacity?: (rng: Rng) => number;
}

const steps = (min: number, max: number, step: number) => (rng: Rng) => rng.int(min / step, max / step) * step;

const CANTEEN_HOURS = 'Mo-Su 10:30-13:00,16:30-18:30';
const STATION_HOURS = 'Mo-Fr 08:00-17:30; Sa 08:00-12:00';
const OFFICE_HOURS = 'Mo-Fr 08:00-12:00,14:30-17:30; PH off';
const SCHOOL_HOURS = 'Mo-Fr 07:30-17:30; PH off';

export const FACILITY_DEMANDS: readonly FacilityDemand[] = [
  // Sites of their own.
  {
    category: 'health_center',
    where: 'lot',
    lot: 'health_center',
    count: 2,
    names: (c) => [
      c.n === 0
        ? zhEn('岳峰镇社区卫生服务中心', 'Yuefeng Community Health Service Centre')
        : zhEn('岳峰中西医结合医院', 'Yuefeng Integrated Medicine Hospital'),
    ],
    hours: ['Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00'],
    capacity: steps(60, 150, 10),
  },
  {
    category: 'middle_school',
    where: 'lot',
    lot: 'middle_school',
    count: 3,
    names: (c) => [
      ...(c.n === 0 ? [zhEn('岳峰中学', 'Yuefeng Middle School')] : []),
      inCommunity(c, '中学', 'Middle School'),
      onStreet(c, '中学', 'Middle School'),
    ],
    hours: [SCHOOL_HOURS],
    capacity: steps(1200, 2400, 100),
  },
  {
    category: 'primary_school',
    where: 'lot',
    lot: 'primary_school',
    count: 4,
    names: (c) => [
      ...(c.n === 0 ? [zhEn('岳峰中心小学', 'Yuefeng Central Primary School')] : []),
      inCommunity(c, '小学', 'Primary School'),
      onStreet(c, '小学', 'Primary School'),
    ],
    hours: [SCHOOL_HOURS],
    capacity: steps(900, 1800, 100),
  },
  {
    category: 'market',
    where: 'lot',
    lot: 'market',
    count: 5,
    names: (c) => [inCommunity(c, '农贸市场', 'Farmers Market'), onStreet(c, '菜市场', 'Fresh Market')],
    hours: ['Mo-Su 05:30-19:00', 'Mo-Su 06:00-18:30'],
  },
  {
    category: 'park',
    where: 'lot',
    lot: 'park',
    count: 6,
    names: (c) => [inCommunity(c, '公园', 'Park'), onStreet(c, '口袋公园', 'Pocket Park')],
    hours: ['24/7', 'Mo-Su 05:30-22:00'],
  },
  { category: 'park', where: 'riverside', count: 1, names: () => [zhEn('光明港滨河公园', 'Guangminggang Riverside Park')], hours: ['24/7'] },
  {
    category: 'sports',
    where: 'lot',
    lot: 'sports',
    count: 3,
    names: (c) => [
      ...(c.n === 0 ? [zhEn('岳峰全民健身中心', 'Yuefeng Fitness Centre')] : []),
      inCommunity(c, '门球场', 'Gateball Court'),
      inCommunity(c, '篮球场', 'Basketball Court'),
    ],
    hours: ['Mo-Su 06:00-22:00', 'Mo-Su 06:00-20:00'],
  },
  // Community institutions.
  {
    category: 'community_service',
    where: 'frontage',
    community: 'each',
    count: 8,
    names: (c) => [inCommunity(c, '社区党群服务中心', 'Community Party and Public Service Centre')],
    hours: [OFFICE_HOURS, 'Mo-Fr 08:30-17:30; Sa 09:00-12:00; PH off'],
  },
  {
    category: 'community_service',
    where: 'frontage',
    count: 1,
    mainStreet: true,
    names: () => [zhEn('岳峰镇便民服务中心', 'Yuefeng Town Service Centre')],
    hours: ['Mo-Fr 08:30-17:30; Sa 09:00-12:00; PH off'],
  },
  {
    category: 'community_service',
    where: 'gate',
    count: 3,
    names: (c) => inCompound(c, '党群服务站', 'Party and Public Service Station'),
    hours: [OFFICE_HOURS],
  },
  {
    category: 'canteen',
    where: 'gate',
    community: 'xinhua',
    count: 1,
    names: () => [zhEn('新华社区长者食堂', 'Xinhua Community Elder Canteen')],
    hours: [CANTEEN_HOURS],
    capacity: () => 60,
  },
  {
    category: 'canteen',
    where: 'frontage',
    community: 'santai',
    count: 1,
    names: (c) => [inCommunity(c, '社区长者食堂', 'Community Elder Canteen')],
    hours: [CANTEEN_HOURS],
    capacity: () => 80,
  },
  {
    category: 'canteen',
    where: 'gate',
    community: 'puxia',
    count: 1,
    names: (c) => [inCommunity(c, '社区长者食堂', 'Community Elder Canteen')],
    hours: [CANTEEN_HOURS],
    capacity: () => 40,
  },
  {
    category: 'canteen',
    where: 'frontage',
    community: 'xiangkai',
    count: 1,
    names: (c) => [inCommunity(c, '社区食堂', 'Community Canteen')],
    hours: ['Mo-Sa 10:30-13:00,16:30-18:00; PH off'],
    capacity: () => 120,
  },
  {
    category: 'canteen',
    where: 'gate',
    community: 'xikou',
    bank: 'south',
    count: 1,
    names: (c) => [inCommunity(c, '社区幸福食堂', 'Community Happiness Canteen')],
    hours: [CANTEEN_HOURS],
    capacity: () => 50,
  },
  {
    category: 'clinic',
    where: 'gate',
    community: 'each',
    count: 8,
    names: (c) => [inCommunity(c, '社区卫生服务站', 'Community Health Station')],
    hours: [STATION_HOURS],
  },
  {
    category: 'clinic',
    where: 'frontage',
    count: 7,
    names: (c) => rotate(CLINICS, c.n),
    hours: ['Mo-Su 08:30-21:00', 'Mo-Sa 08:00-12:00,14:30-20:00', 'Mo-Fr 08:00-12:00,14:30-17:30; PH off'],
  },
  {
    category: 'elderly_care',
    where: 'gate',
    bank: 'north',
    count: 5,
    names: (c) => [inCommunity(c, '社区居家养老服务站', 'Community Home Care Station'), ...inCompound(c, '老年人日间照料中心', 'Elderly Day Care Centre')],
    hours: ['Mo-Fr 08:30-17:30; PH off', 'Mo-Sa 08:00-17:30'],
    capacity: steps(20, 40, 5),
  },
  {
    category: 'elderly_care',
    where: 'frontage',
    bank: 'north',
    count: 3,
    names: (c) => [
      ...(c.n === 0 ? [zhEn('岳峰镇敬老院', 'Yuefeng Home for the Aged')] : []),
      onStreet(c, '康乐养老院', 'Kangle Care Home'),
      inCommunity(c, '颐养院', 'Care Home'),
    ],
    hours: ['24/7'],
    capacity: steps(60, 150, 10),
  },
  {
    category: 'kindergarten',
    where: 'gate',
    count: 6,
    names: (c) => [...inCompound(c, '幼儿园', 'Kindergarten'), inCommunity(c, '幼儿园', 'Kindergarten')],
    hours: [SCHOOL_HOURS],
    capacity: steps(180, 360, 30),
  },
  {
    category: 'kindergarten',
    where: 'frontage',
    count: 3,
    names: (c) => [...(c.n === 0 ? [zhEn('岳峰中心幼儿园', 'Yuefeng Central Kindergarten')] : []), onStreet(c, '幼儿园', 'Kindergarten')],
    hours: [SCHOOL_HOURS],
    capacity: steps(240, 420, 30),
  },
  {
    category: 'culture',
    where: 'frontage',
    count: 4,
    names: (c) => [
      ...(c.n === 0 ? [zhEn('岳峰镇综合文化站', 'Yuefeng Town Culture Station')] : []),
      inCommunity(c, '新时代文明实践站', 'Civilization Practice Station'),
      inCommunity(c, '社区文化活动站', 'Community Culture Station'),
    ],
    hours: ['Mo-Su 08:30-21:00', 'Tu-Su 09:00-12:00,14:30-21:00'],
  },
  {
    category: 'culture',
    where: 'gate',
    count: 5,
    names: (c) => [inCommunity(c, '社区文化活动站', 'Community Culture Station'), ...inCompound(c, '老年活动室', 'Seniors Activity Room')],
    hours: ['Mo-Su 08:30-11:30,14:30-21:00'],
  },
  // Shops and services beside the streets.
  {
    category: 'pharmacy',
    where: 'frontage',
    count: 17,
    names: (c) => rotate(PHARMACY_CHAINS, c.n).map((chain) => branch(chain, c)),
    // One all-night pharmacy for the whole town.
    firstHours: '24/7',
    hours: ['Mo-Su 08:00-22:00', 'Mo-Su 08:30-21:30', 'Mo-Su 07:30-22:30'],
  },
  {
    category: 'convenience',
    where: 'frontage',
    count: 21,
    names: (c) => rotate(CONVENIENCE_CHAINS, c.n).map((chain) => branch(chain, c)),
    hours: ['Mo-Su 07:00-23:00', '24/7', 'Mo-Su 06:30-23:30'],
  },
  {
    category: 'convenience',
    where: 'gate',
    count: 5,
    names: (c) => inCompound(c, '便利店', 'Convenience Store'),
    hours: ['Mo-Su 07:00-23:00', 'Mo-Su 07:00-22:00'],
  },
  {
    category: 'supermarket',
    where: 'frontage',
    count: 8,
    mainStreet: true,
    names: (c) => rotate(SUPERMARKETS, c.n).map((s) => branch(s, c)),
    hours: ['Mo-Su 08:00-22:00', 'Mo-Su 08:30-22:00'],
  },
  {
    category: 'sports',
    where: 'frontage',
    count: 3,
    names: (c) =>
      [onStreet(c, '羽毛球馆', 'Badminton Hall'), onStreet(c, '动力健身', 'Dongli Gym'), inCommunity(c, '乒乓球室', 'Table Tennis Room')].slice(c.n % 3),
    hours: ['Mo-Su 09:00-22:00', 'Mo-Su 06:00-22:00'],
  },
  {
    category: 'other',
    where: 'frontage',
    count: 8,
    names: (c) =>
      [
        zhEn('岳峰邮政支局', 'Yuefeng Post Office'),
        zhEn('岳峰派出所', 'Yuefeng Police Station'),
        inCommunity(c, '社区警务室', 'Community Police Room'),
        zhEn(`公共厕所(${c.street.zh})`, `Public Toilet (${c.street.en})`),
      ].slice(c.n < 2 ? c.n : c.n % 2 === 0 ? 2 : 3),
    hours: ['Mo-Su 06:00-22:00'],
  },
  { category: 'other', where: 'gate', count: 3, names: (c) => inCompound(c, '菜鸟驿站', 'Cainiao Parcel Station'), hours: ['Mo-Su 09:00-21:00'] },
  // Categories the planning standards need (taxonomy v2). Appended last so that every
  // facility placed before keeps its place, id and details (placement is one rng stream).
  {
    category: 'bus_stop',
    where: 'frontage',
    count: 6,
    mainStreet: true,
    names: (c) => [
      onStreet(c, '公交站', 'Bus Stop'),
      zhEn(`${c.street.zh}${c.community.zh.replace('社区', '')}公交站`, `${c.street.en} ${c.community.en.replace(' Community', '')} Bus Stop`),
    ],
    hours: ['Mo-Su 06:00-22:30'],
  },
  {
    category: 'metro',
    where: 'frontage',
    count: 2,
    mainStreet: true,
    names: (c) => [zhEn(`地铁${c.street.zh}站`, `${c.street.en} Metro Station`)],
    hours: ['Mo-Su 06:30-23:00'],
  },
  {
    category: 'bank',
    where: 'frontage',
    count: 3,
    mainStreet: true,
    names: (c) => rotate(BANKS, c.n).map((bank) => branch(bank, c)),
    hours: ['Mo-Fr 09:00-17:00; Sa,Su 09:00-16:00; PH off'],
  },
  {
    category: 'restaurant',
    where: 'frontage',
    count: 4,
    names: (c) =>
      [
        onStreet(c, '沙县小吃', 'Shaxian Snacks'),
        onStreet(c, '鱼丸店', 'Fish Ball Shop'),
        onStreet(c, '早餐店', 'Breakfast Shop'),
        onStreet(c, '快餐店', 'Fast Food'),
      ].slice(c.n % 4),
    hours: ['Mo-Su 06:00-21:00', 'Mo-Su 10:00-21:30'],
  },
  { category: 'fitness', where: 'gate', count: 2, names: (c) => inCompound(c, '室外健身场地', 'Outdoor Fitness Area'), hours: ['24/7'] },
  {
    category: 'nursery',
    where: 'frontage',
    count: 2,
    names: (c) => [inCommunity(c, '托育中心', 'Childcare Centre'), onStreet(c, '托儿所', 'Nursery')],
    hours: ['Mo-Fr 07:30-18:00; PH off'],
    capacity: steps(30, 80, 10),
  },
  {
    category: 'mall',
    where: 'frontage',
    count: 2,
    mainStreet: true,
    names: (c) => [onStreet(c, '购物中心', 'Shopping Centre'), inCommunity(c, '商业广场', 'Shopping Plaza')],
    hours: ['Mo-Su 10:00-22:00'],
  },
  {
    category: 'recycling',
    where: 'frontage',
    count: 3,
    names: (c) => [inCommunity(c, '再生资源回收点', 'Recycling Point'), onStreet(c, '垃圾转运站', 'Waste Transfer Station')],
    hours: ['Mo-Su 07:00-19:00'],
  },
  {
    category: 'daily_services',
    where: 'frontage',
    count: 4,
    names: (c) =>
      [
        onStreet(c, '洗衣店', 'Laundry'),
        onStreet(c, '美发店', 'Hair Salon'),
        onStreet(c, '家电维修', 'Appliance Repair'),
        onStreet(c, '家政服务', 'Home Services'),
      ].slice(c.n % 4),
    hours: ['Mo-Su 08:30-21:00'],
  },
  {
    category: 'government',
    where: 'frontage',
    count: 2,
    mainStreet: true,
    names: (c) => [c.n === 0 ? zhEn('岳峰镇人民政府', 'Yuefeng Town Government') : zhEn('岳峰司法所', 'Yuefeng Judicial Office')],
    hours: [OFFICE_HOURS],
  },
  {
    category: 'other',
    where: 'frontage',
    count: 2,
    names: (c) => [onStreet(c, '报刊亭', 'Newsstand'), onStreet(c, '彩票店', 'Lottery Shop')],
    hours: ['Mo-Su 07:00-20:00'],
  },
];
