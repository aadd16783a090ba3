/** Messages of the planner's evidence: residents' requests behind each gap (zh-CN first; English has the same keys). */
export const evidenceZh = {
  'planner.evidence.line': '居民诉求 {count} 件',
  'planner.evidence.stages': '（{stages}）',
  'planner.evidence.stage': '{stage} {count}',
  'planner.evidence.column': '居民诉求',
  'planner.evidence.columnHint': '与该小区缺口（▲ 与 △）相关的居民诉求件数',
  'planner.evidence.ledger': '居民诉求件数来自办理台账（实时，{time} 统计），只含件数，不含诉求内容。',
  'planner.evidence.dataset': '居民诉求件数来自数据集的诉求文件 requests.geojson（未连接办理台账）。',
  'planner.evidence.failed': '办理台账暂时读不到（{reason}），显示的是此前的件数。',
  'planner.evidence.rule': '诉求按其服务类型对应的设施类别计数（“看病”计入卫生服务站）；维修、跑腿等上门服务不对应设施，不计入。',
  'planner.evidence.csvTotal': '居民诉求（件）',
  'planner.evidence.csvStage': '诉求·{stage}',
  'planner.evidence.reportColumn': '居民诉求（件，上列缺口相关）',
  'planner.evidence.inline': '（居民诉求 {count} 件）',
  'planner.evidence.gapCount': '（{count}）',
} as const;

export const evidenceEn: Record<keyof typeof evidenceZh, string> = {
  'planner.evidence.line': "Residents' requests: {count}",
  'planner.evidence.stages': ' ({stages})',
  'planner.evidence.stage': '{stage} {count}',
  'planner.evidence.column': 'Requests',
  'planner.evidence.columnHint': "Residents' requests for the services of this compound's gaps (▲ and △)",
  'planner.evidence.ledger': "Residents' requests are counted from the live ledger (as of {time}): counts only, no request texts.",
  'planner.evidence.dataset': "Residents' requests are counted from the dataset's requests.geojson (no ledger connected).",
  'planner.evidence.failed': 'The ledger cannot be read right now ({reason}); the counts shown are older.',
  'planner.evidence.rule':
    'A request counts for the facility category of its service ("a doctor" counts for the health station); doorstep help such as repairs or errands names no facility and is not counted.',
  'planner.evidence.csvTotal': "Residents' requests",
  'planner.evidence.csvStage': 'Requests · {stage}',
  'planner.evidence.reportColumn': "Residents' requests (for these gaps)",
  'planner.evidence.inline': " (residents' requests: {count})",
  'planner.evidence.gapCount': ' ({count})',
};
