/** Messages of the hall view (zh-CN first; English must have the same keys). */
export const hallZh = {
  'hall.title': '服务大厅大屏',
} as const;

export const hallEn: Record<keyof typeof hallZh, string> = {
  'hall.title': 'Service-hall screen',
};
