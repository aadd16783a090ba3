/**
 * Place names of the illustrative 岳峰镇. Community names follow shared/seeds (新华, 三台,
 * 浦下, 溪口, 康山, 桂香, 香开, 凤林); street and compound names are invented in the local
 * style. English names are pinyin with an English generic ("Fuxin Road", "Yaolong Dormitory").
 */

export interface ZhEn {
  zh: string;
  en: string;
}

/** Inclusive ranges of superblock columns (0–5) and tiling rows (0–4, the river between 1 and 2). */
export interface CellRange {
  cols: readonly [number, number];
  rows: readonly [number, number];
}

export interface CommunityPlan {
  key: string;
  name: ZhEn;
  area: CellRange;
  /** 2–4 grids (网格) that tile the community. */
  grids: readonly CellRange[];
}

const cells = (c0: number, c1: number, r0: number, r1: number): CellRange => ({ cols: [c0, c1], rows: [r0, r1] });

/** The eight communities tile the town; 溪口 straddles the river at its east end. */
export const COMMUNITIES: readonly CommunityPlan[] = [
  { key: 'xinhua', name: { zh: '新华', en: 'Xinhua' }, area: cells(0, 1, 0, 1), grids: [cells(0, 0, 0, 0), cells(1, 1, 0, 0), cells(0, 1, 1, 1)] },
  { key: 'puxia', name: { zh: '浦下', en: 'Puxia' }, area: cells(2, 3, 0, 1), grids: [cells(2, 3, 0, 0), cells(2, 2, 1, 1), cells(3, 3, 1, 1)] },
  {
    key: 'xikou',
    name: { zh: '溪口', en: 'Xikou' },
    area: cells(4, 5, 0, 2),
    grids: [cells(4, 4, 0, 0), cells(5, 5, 0, 0), cells(4, 5, 1, 1), cells(4, 5, 2, 2)],
  },
  { key: 'santai', name: { zh: '三台', en: 'Santai' }, area: cells(0, 1, 2, 3), grids: [cells(0, 0, 2, 3), cells(1, 1, 2, 3)] },
  { key: 'kangshan', name: { zh: '康山', en: 'Kangshan' }, area: cells(2, 3, 2, 3), grids: [cells(2, 3, 2, 2), cells(2, 2, 3, 3), cells(3, 3, 3, 3)] },
  { key: 'guixiang', name: { zh: '桂香', en: 'Guixiang' }, area: cells(0, 2, 4, 4), grids: [cells(0, 0, 4, 4), cells(1, 2, 4, 4)] },
  { key: 'xiangkai', name: { zh: '香开', en: 'Xiangkai' }, area: cells(3, 5, 4, 4), grids: [cells(3, 4, 4, 4), cells(5, 5, 4, 4)] },
  { key: 'fenglin', name: { zh: '凤林', en: 'Fenglin' }, area: cells(4, 5, 3, 3), grids: [cells(4, 4, 3, 3), cells(5, 5, 3, 3)] },
];

export const RIVER_NAME: ZhEn = { zh: '光明港（示意）', en: 'Guangminggang (illustrative)' };

/** North–south arterials, west to east (u = 0 … 3000). */
export const NS_ARTERIALS: readonly ZhEn[] = [
  { zh: '岳峰路', en: 'Yuefeng Road' },
  { zh: '秀峰路', en: 'Xiufeng Road' },
  { zh: '塔头路', en: 'Tatou Road' },
  { zh: '连江北路', en: 'Lianjiang North Road' },
  { zh: '鹤林路', en: 'Helin Road' },
  { zh: '前横路', en: 'Qianheng Road' },
  { zh: '远洋路', en: 'Yuanyang Road' },
];

/** East–west arterials, south to north; the two riverside roads sit between 福新路 and 化工路. */
export const EW_ARTERIALS = {
  south: { zh: '福马路', en: 'Fuma Road' },
  fuxin: { zh: '福新路', en: 'Fuxin Road' },
  riverSouth: { zh: '光明南路', en: 'Guangming South Road' },
  riverNorth: { zh: '光明北路', en: 'Guangming North Road' },
  huagong: { zh: '化工路', en: 'Huagong Road' },
  fuguang: { zh: '福光路', en: 'Fuguang Road' },
  north: { zh: '二环北路', en: 'North Second Ring Road' },
} as const satisfies Record<string, ZhEn>;

/** Bridge names by the arterial they carry (秀峰路, 连江北路, 前横路) plus the footbridge. */
export const BRIDGE_NAMES: readonly ZhEn[] = [
  { zh: '秀峰桥', en: 'Xiufeng Bridge' },
  { zh: '连江桥', en: 'Lianjiang Bridge' },
  { zh: '前横桥', en: 'Qianheng Bridge' },
];
export const FOOTBRIDGE_NAME: ZhEn = { zh: '康山人行桥', en: 'Kangshan Footbridge' };
export const PROMENADE_NAME: ZhEn = { zh: '光明港滨河步道', en: 'Guangminggang Riverside Walk' };

/** Stems for minor streets; each combines with a generic (路, 支路, 街…). */
export const STREET_STEMS: readonly ZhEn[] = [
  { zh: '康山', en: 'Kangshan' },
  { zh: '三台', en: 'Santai' },
  { zh: '浦下', en: 'Puxia' },
  { zh: '溪口', en: 'Xikou' },
  { zh: '桂香', en: 'Guixiang' },
  { zh: '香开', en: 'Xiangkai' },
  { zh: '凤林', en: 'Fenglin' },
  { zh: '新华', en: 'Xinhua' },
  { zh: '凤坂', en: 'Fengban' },
  { zh: '王庄', en: 'Wangzhuang' },
  { zh: '竹屿', en: 'Zhuyu' },
  { zh: '坂中', en: 'Banzhong' },
  { zh: '东浦', en: 'Dongpu' },
  { zh: '后屿', en: 'Houyu' },
  { zh: '横屿', en: 'Hengyu' },
  { zh: '秀山', en: 'Xiushan' },
  { zh: '凤湖', en: 'Fenghu' },
  { zh: '岳新', en: 'Yuexin' },
  { zh: '上坂', en: 'Shangban' },
  { zh: '前屿', en: 'Qianyu' },
  { zh: '福兴', en: 'Fuxing' },
  { zh: '鹤山', en: 'Heshan' },
  { zh: '塔山', en: 'Tashan' },
  { zh: '连潘', en: 'Lianpan' },
];

export const STREET_GENERICS: readonly ZhEn[] = [
  { zh: '路', en: 'Road' },
  { zh: '支路', en: 'Branch Road' },
  { zh: '街', en: 'Street' },
  { zh: '一路', en: '1st Road' },
  { zh: '二路', en: '2nd Road' },
  { zh: '横街', en: 'Cross Street' },
];

export const ALLEY_GENERICS: readonly ZhEn[] = [
  { zh: '巷', en: 'Lane' },
  { zh: '里', en: 'Li' },
  { zh: '一巷', en: '1st Lane' },
  { zh: '二巷', en: '2nd Lane' },
  { zh: '后巷', en: 'Back Lane' },
];

/** Compound names by era: work-unit dormitories (before ~1993), named after the employer. */
export const OLD_COMPOUND_NAMES: readonly ZhEn[] = [
  ['化工厂', 'Huagongchang'],
  ['电业局', 'Dianyeju'],
  ['邮电局', 'Youdianju'],
  ['纺织厂', 'Fangzhichang'],
  ['粮食局', 'Liangshiju'],
  ['运输公司', 'Yunshu Gongsi'],
  ['机械厂', 'Jixiechang'],
  ['二轻局', 'Erqingju'],
  ['电子厂', 'Dianzichang'],
  ['食品厂', 'Shipinchang'],
  ['橡胶厂', 'Xiangjiaochang'],
  ['印刷厂', 'Yinshuachang'],
  ['自来水公司', 'Zilaishui Gongsi'],
  ['供销社', 'Gongxiaoshe'],
  ['罐头厂', 'Guantouchang'],
  ['木材公司', 'Mucai Gongsi'],
  ['建筑公司', 'Jianzhu Gongsi'],
  ['电机厂', 'Dianjichang'],
  ['造纸厂', 'Zaozhichang'],
  ['农机厂', 'Nongjichang'],
  ['水产公司', 'Shuichan Gongsi'],
  ['物资局', 'Wuziju'],
  ['卫生局', 'Weishengju'],
  ['商业局', 'Shangyeju'],
  ['轴承厂', 'Zhouchengchang'],
  ['糖厂', 'Tangchang'],
  ['玻璃厂', 'Bolichang'],
  ['搪瓷厂', 'Tangcichang'],
  ['汽车站', 'Qichezhan'],
  ['师范学校', 'Shifan Xuexiao'],
  ['交通局', 'Jiaotongju'],
].map(([zh, en]) => ({ zh: `${zh}宿舍`, en: `${en} Dormitory` }));

/** Names that only fit inside the community they name (三台新村 is in 三台社区). */
export function communityCompoundNames(community: ZhEn, era: 'old' | 'mid'): ZhEn[] {
  if (era === 'old') return [{ zh: `${community.zh}新村`, en: `${community.en} New Village` }];
  return [
    { zh: `${community.zh}小区`, en: `${community.en} Estate` },
    { zh: `${community.zh}花园`, en: `${community.en} Garden` },
    { zh: `${community.zh}苑`, en: `${community.en} Court` },
  ];
}

/** Street and area names that fit anywhere in town (community names are kept to their community). */
const MID_STEMS = [
  ['福新', 'Fuxin'],
  ['岳峰', 'Yuefeng'],
  ['鹤林', 'Helin'],
  ['塔头', 'Tatou'],
  ['秀峰', 'Xiufeng'],
  ['前横', 'Qianheng'],
  ['连江', 'Lianjiang'],
  ['光明', 'Guangming'],
  ['福光', 'Fuguang'],
  ['华林', 'Hualin'],
  ['远洋', 'Yuanyang'],
  ['凤坂', 'Fengban'],
] as const;

/** 1990s–early 2000s: place-name 小区, 花园, 苑. */
export const MID_COMPOUND_NAMES: readonly ZhEn[] = MID_STEMS.flatMap(([zh, en]) => [
  { zh: `${zh}小区`, en: `${en} Estate` },
  { zh: `${zh}花园`, en: `${en} Garden` },
  { zh: `${zh}苑`, en: `${en} Court` },
]);

const NEW_STEMS = [
  ['锦绣', 'Jinxiu'],
  ['盛世', 'Shengshi'],
  ['翠湖', 'Cuihu'],
  ['嘉和', 'Jiahe'],
  ['紫阳', 'Ziyang'],
  ['阳光', 'Yangguang'],
  ['江滨', 'Jiangbin'],
  ['榕城', 'Rongcheng'],
  ['东方', 'Dongfang'],
  ['金源', 'Jinyuan'],
  ['融景', 'Rongjing'],
  ['香榭', 'Xiangxie'],
  ['丽景', 'Lijing'],
  ['世纪', 'Shiji'],
  ['御景', 'Yujing'],
  ['凯旋', 'Kaixuan'],
  ['泰和', 'Taihe'],
  ['天元', 'Tianyuan'],
  ['新城', 'Xincheng'],
  ['榕郡', 'Rongjun'],
] as const;

const NEW_GENERICS = [
  ['花园', 'Garden'],
  ['苑', 'Court'],
  ['公寓', 'Apartments'],
  ['家园', 'Homeland'],
  ['华庭', 'Huating'],
  ['名城', 'Mingcheng'],
] as const;

/** Since ~2005: commercial developments. */
export const NEW_COMPOUND_NAMES: readonly ZhEn[] = NEW_STEMS.flatMap(([zh, en]) =>
  NEW_GENERICS.map(([gzh, gen]) => ({ zh: `${zh}${gzh}`, en: `${en} ${gen}` })),
);

/** The two compounds the seeds name; always present. */
export const YAOLONG: ZhEn = { zh: '耀隆宿舍', en: 'Yaolong Dormitory' };
export const RUICHENG: ZhEn = { zh: '瑞城花园', en: 'Ruicheng Garden' };

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六'] as const;
export const ENGLISH_ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'] as const;
