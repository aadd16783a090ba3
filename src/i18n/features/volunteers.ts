/** Messages of the volunteers view (zh-CN first; English must have the same keys). */
export const volunteersZh = {
  'volunteers.title': '志愿服务与居民诉求',
} as const;

export const volunteersEn: Record<keyof typeof volunteersZh, string> = {
  'volunteers.title': 'Volunteers and requests',
};
