import { useT } from '../../components/useT';
import { REQUEST_STAGES, type RequestStage } from '../../domain/dataset';
import type { EvidenceCounts, StageTally } from '../../domain/planner/evidence';
import { formatDateTime, formatNumber, type Lang, type MessageKey, type Vars } from '../../i18n';
import { useStore } from '../../store';
import { useEvidence } from './evidenceStore';
import './messages';

type T = (key: MessageKey, vars?: Vars) => string;

/** The stages' short names (the tracking page's: 收集 商议 协调 执行 公示 评价). */
export const STAGE_SHORT: Record<RequestStage, MessageKey> = {
  collect: 'report.stage.collect',
  deliberate: 'report.stage.deliberate',
  coordinate: 'report.stage.coordinate',
  execute: 'report.stage.execute',
  publish: 'report.stage.publish',
  rate: 'report.stage.rate',
};

/** "收集 2 · 执行 1": the stages that hold requests, in workflow order. */
export function stagesText(t: T, lang: Lang, tally: StageTally): string {
  return REQUEST_STAGES.filter((s) => tally.byStage[s] > 0)
    .map((s) => t('planner.evidence.stage', { stage: t(STAGE_SHORT[s]), count: formatNumber(lang, tally.byStage[s]) }))
    .join(' · ');
}

/** "居民诉求 3 件（收集 2 · 执行 1）" */
export function evidenceText(t: T, lang: Lang, tally: StageTally): string {
  const line = t('planner.evidence.line', { count: formatNumber(lang, tally.total) });
  return tally.total > 0 ? line + t('planner.evidence.stages', { stages: stagesText(t, lang, tally) }) : line;
}

/** The counts for the dataset on screen, or null while there are none for it. */
export function useEvidenceCounts(): EvidenceCounts | null {
  const dataset = useStore((s) => s.dataset);
  return useEvidence((e) => (e.dataset === dataset ? e.counts : null));
}

/** Where the counts come from, said wherever they are shown (the panel and the printed report). */
export function EvidenceSourceNote() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const dataset = useStore((s) => s.dataset);
  const e = useEvidence();
  if (e.dataset !== dataset || !e.source) return null;
  const time = e.at ? formatDateTime(lang, Date.parse(e.at)) : '';
  return (
    <p className="hint evidence-source" data-testid="evidence-source">
      {e.source === 'ledger' ? t('planner.evidence.ledger', { time }) : t('planner.evidence.dataset')} {t('planner.evidence.rule')}
      {e.error && <span className="warn"> {t('planner.evidence.failed', { reason: e.error })}</span>}
    </p>
  );
}
