/** Messages of the planner view (zh-CN first; English must have the same keys). */
export const plannerZh = {
  'planner.title': '规划视图',
} as const;

export const plannerEn: Record<keyof typeof plannerZh, string> = {
  'planner.title': 'Planner view',
};
