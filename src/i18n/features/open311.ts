/** Texts of the Open311 GeoReport v2 API that people read: service groups, descriptions, notices. */
export const open311Zh = {
  'open311.group.facility': '设施',
  'open311.group.volunteer': '志愿服务',
  'open311.group.other': '其他',
  'open311.service.facility': '{name}：反映设施缺失、走不到、不开放或损坏等问题',
  'open311.service.volunteer': '{name}：请志愿者上门帮忙（一个电话，上门服务）',
  'open311.service.other': '{name}：其他社区诉求',
  'open311.notice.received': '已受理，进入“{stage}”环节，预计 {days} 天内办结。',
};

export const open311En: Record<keyof typeof open311Zh, string> = {
  'open311.group.facility': 'Facilities',
  'open311.group.volunteer': 'Volunteer help',
  'open311.group.other': 'Other',
  'open311.service.facility': '{name}: a facility that is missing, out of reach, closed or broken',
  'open311.service.volunteer': '{name}: ask volunteers for help at home (one call, doorstep help)',
  'open311.service.other': '{name}: other neighbourhood requests',
  'open311.notice.received': 'Received: now at “{stage}”, expected to be done within {days} days.',
};
