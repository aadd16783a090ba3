/**
 * What residents ask for (居民诉求 / 微心愿), by Open311 service_code: a volunteer skill or a
 * facility category. "{b}" stands for a building number. Invented, in the register of the
 * community articles in shared/seeds.
 */

export interface RequestTopic {
  code: string;
  /** Relative frequency. */
  weight: number;
  texts: readonly string[];
}

export const REQUEST_TOPICS: readonly RequestTopic[] = [
  {
    code: 'repair',
    weight: 26,
    texts: [
      '{b}号楼楼道灯坏了，老人晚上下楼不方便',
      '{b}号楼单元门禁坏了，陌生人随意进出',
      '顶楼漏水，雨天家里墙面发霉，希望协调维修',
      '小区路面破损，轮椅推不过去',
      '{b}号楼电梯经常停运，希望尽快维修',
      '一楼下水道堵塞返水，需要疏通',
      '楼道扶手松动，担心老人摔倒',
      '小区健身器材损坏，存在安全隐患',
    ],
  },
  {
    code: 'escort',
    weight: 12,
    texts: ['需要陪同去医院复诊', '独居老人想请人陪同去银行办理业务', '腿脚不便，需要有人陪同去社区卫生服务中心体检', '老人视力不好，需要陪同去办理敬老卡'],
  },
  {
    code: 'errand',
    weight: 10,
    texts: ['帮忙代购降压药', '老人行动不便，希望有人帮忙买菜', '帮忙代缴水电费', '需要帮忙取快递送上楼'],
  },
  {
    code: 'companionship',
    weight: 8,
    texts: ['独居老人希望有人定期上门聊天', '空巢老人节假日希望有人陪伴', '老人想学用智能手机视频通话'],
  },
  {
    code: 'mediation',
    weight: 10,
    texts: ['楼上噪音扰民，希望社区协调', '邻里因楼道堆放杂物产生矛盾', '停车位纠纷需要调解', '广场舞音响太吵，影响休息'],
  },
  {
    code: 'medical',
    weight: 6,
    texts: ['需要上门测量血压血糖', '老人术后需要上门换药指导', '卧床老人需要上门健康评估'],
  },
  {
    code: 'canteen',
    weight: 9,
    texts: ['希望附近增设长者食堂', '长者食堂离家太远，希望能送餐上门', '希望食堂增加低盐低糖菜品', '老人做饭不方便，希望就近解决午餐'],
  },
  {
    code: 'clinic',
    weight: 4,
    texts: ['希望小区附近有卫生服务站', '希望卫生服务站周末也能开诊'],
  },
  { code: 'pharmacy', weight: 3, texts: ['附近没有24小时药店，夜里买药不便'] },
  { code: 'market', weight: 4, texts: ['菜市场太远，希望周边设便民菜摊', '希望在小区门口设立生鲜直供点'] },
  { code: 'elderly_care', weight: 4, texts: ['希望开设老年人日间照料中心', '家中失能老人需要助浴服务'] },
  { code: 'park', weight: 2, texts: ['希望附近口袋公园增加座椅和遮阳'] },
  { code: 'sports', weight: 2, texts: ['希望在小区空地增设健身器材'] },
  { code: 'community_service', weight: 2, texts: ['希望党群服务中心周末延长开放时间', '希望社区开办四点半课堂'] },
];
