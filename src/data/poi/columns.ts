/**
 * Which column of a POI table holds what, from its header. AMap and Baidu exports, and
 * tables people make by hand, spell them differently; these are the spellings accepted
 * (compared without case, spaces, underscores or hyphens). Pure.
 */

export const ROLES = ['name', 'lon', 'lat', 'location', 'typecode', 'type', 'id', 'address', 'phone', 'opening_hours', 'capacity'] as const;
export type Role = (typeof ROLES)[number];

const ALIASES: Record<Role, string[]> = {
  name: ['name', 'poiname', 'title', '名称', '名字', 'poi名称', '设施名称', '机构名称'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'gcjlng', 'gcjlon', 'bdlng', 'bdlon', 'wgslng', 'wgslon', 'wgs84lon', 'wgs84lng'],
  lat: ['lat', 'latitude', 'y', '纬度', 'gcjlat', 'bdlat', 'wgslat', 'wgs84lat'],
  location: ['location', 'lnglat', 'lonlat', '经纬度', '坐标'],
  typecode: ['typecode', 'typecodes', '类型编码', '分类编码', '分类代码', '类型代码'],
  type: ['type', 'types', 'tag', 'tags', 'category', 'kind', '类型', '分类', '类别', '行业分类', 'poi类型', '大类;中类;小类'],
  id: ['id', 'poiid', 'uid', '编号', 'poi编号'],
  address: ['address', 'addr', '地址', '详细地址'],
  phone: ['phone', 'tel', 'telephone', '电话', '联系电话'],
  opening_hours: ['openinghours', 'opentime', 'businesshours', '营业时间', '开放时间'],
  capacity: ['capacity', 'seats', 'beds', '容量', '座位数', '床位数', '餐位数'],
};

function normalise(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

const LOOKUP = new Map<string, Role>();
for (const role of ROLES) for (const alias of ALIASES[role]) LOOKUP.set(normalise(alias), role);

export type ColumnMap = Partial<Record<Role, number>>;

/** Column index per role; the first column with a known spelling wins. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const role = LOOKUP.get(normalise(header));
    if (role && map[role] === undefined) map[role] = index;
  });
  return map;
}

/** Why the table cannot be read with these columns, or null when it can. */
export function missingColumns(map: ColumnMap, headers: readonly string[]): string | null {
  const missing: string[] = [];
  if (map.name === undefined) missing.push('a name (name / 名称)');
  if (map.location === undefined && (map.lon === undefined || map.lat === undefined)) {
    missing.push('coordinates (lon + lat / 经度 + 纬度, or location "lon,lat")');
  }
  if (map.type === undefined && map.typecode === undefined) missing.push('a type (type / 类型, or typecode / 类型编码)');
  if (missing.length === 0) return null;
  return `the table needs ${missing.join(', ')}; its columns are: ${headers.map((h) => JSON.stringify(h)).join(', ')}`;
}

/** A spreadsheet row's value for a role, trimmed; undefined when absent or blank. */
export function cell(row: readonly string[], map: ColumnMap, role: Role): string | undefined {
  const index = map[role];
  const value = index === undefined ? undefined : row[index]?.trim();
  return value ? value : undefined;
}
