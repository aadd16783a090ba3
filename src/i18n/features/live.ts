/** Messages of live updates from the requests service (/api/events), zh-CN first; English must have the same keys. */
export const liveZh = {
  'live.staff.on': '实时更新：同事的办理一两秒内显示',
  'live.staff.lost': '与服务器的实时连接自 {time} 中断，显示 {updated} 的数据；正在自动重连，其间每 {seconds} 秒重试读取',
  'live.hall.lost': '实时数据自 {time} 中断，显示 {updated} 的数字，正在自动重连',
  'live.hall.on': '实时数据',
} as const;

export const liveEn: Record<keyof typeof liveZh, string> = {
  'live.staff.on': "Live: a colleague's change shows within a second or two",
  'live.staff.lost': 'Live link to the server lost since {time}; showing the data of {updated}. Reconnecting by itself, and re-reading every {seconds} s meanwhile',
  'live.hall.lost': 'Live figures lost since {time}; showing the figures of {updated}, reconnecting by itself',
  'live.hall.on': 'Live figures',
};
