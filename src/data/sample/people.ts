import type { Rng } from './prng';

/**
 * Synthetic people for grid staff and volunteers. Names and phone numbers are shaped like
 * personal data on purpose (so privacy checks have something to find) but are invented:
 * every mobile number starts 139000 / 137000, a range no real subscriber has.
 */

/** Common surnames in Fuzhou, most frequent first (the weights follow the order). */
const SURNAMES = [
  '陈',
  '林',
  '黄',
  '郑',
  '王',
  '李',
  '张',
  '刘',
  '吴',
  '杨',
  '何',
  '翁',
  '游',
  '卢',
  '潘',
  '施',
  '江',
  '周',
  '许',
  '高',
  '谢',
  '徐',
  '魏',
  '蔡',
  '邱',
  '严',
];

const GIVEN = [
  '秀英',
  '建华',
  '志强',
  '丽珍',
  '美玲',
  '国平',
  '春花',
  '文斌',
  '晓燕',
  '海峰',
  '淑芳',
  '金水',
  '宝珠',
  '明辉',
  '玉兰',
  '桂英',
  '振华',
  '丽娟',
  '少青',
  '雪梅',
  '宏伟',
  '惠珍',
  '建平',
  '素琴',
  '依妹',
  '细妹',
  '光明',
  '俊杰',
  '思琪',
  '梦婷',
  '晨曦',
  '子涵',
  '勇',
  '敏',
  '静',
  '磊',
  '芳',
  '杰',
  '婷',
  '斌',
  '伟',
  '琳',
  '娟',
  '涛',
];

/** People named in shared/seeds: real persons, never reused for synthetic ones. */
const REAL_NAMES = new Set(['卢淑英', '郑建云', '陈峰', '林华鹰', '张智厚', '郑彩玲', '李秀清', '蒋依伯', '俞晓风']);

export interface Person {
  name: string;
  phone: string;
}

export class People {
  private readonly names = new Set<string>();
  private readonly phones = new Set<string>();

  /** `avoid`: names that are someone else's (another People's), never given here. */
  constructor(
    private readonly rng: Rng,
    private readonly avoid: ReadonlySet<string> = new Set(),
  ) {}

  /** The names given so far. */
  get given(): ReadonlySet<string> {
    return this.names;
  }

  private name(): string {
    for (;;) {
      const surname = this.rng.weighted(SURNAMES, (s) => SURNAMES.length + 6 - SURNAMES.indexOf(s));
      const name = surname + this.rng.pick(GIVEN);
      if (!REAL_NAMES.has(name) && !this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  private mobile(prefix: string): string {
    for (;;) {
      const phone = prefix + String(this.rng.int(0, 99999)).padStart(5, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** A community worker: name and a fake 139000xxxxx mobile. */
  staff(): Person {
    return { name: this.name(), phone: this.mobile('139000') };
  }

  /** A volunteer: name and a fake 137000xxxxx mobile. */
  volunteer(): Person {
    return { name: this.name(), phone: this.mobile('137000') };
  }

  /**
   * A party member (楼栋党小组组长, 党员中心户): a name that may repeat (there are a thousand of
   * them, as many as the name pool) but is never in `avoid`, and a fake 136000xxxxx mobile.
   */
  partyMember(): Person {
    for (;;) {
      const surname = this.rng.weighted(SURNAMES, (s) => SURNAMES.length + 6 - SURNAMES.indexOf(s));
      const name = surname + this.rng.pick(GIVEN);
      if (!REAL_NAMES.has(name) && !this.avoid.has(name)) return { name, phone: this.mobile('136000') };
    }
  }

  count(min: number, max: number): number {
    return this.rng.int(min, max);
  }
}
