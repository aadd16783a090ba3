import { useEffect, useId, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { useStore } from '../../store';
import { ledgerOf, requestsOf, timeZoneOf } from '../../store/volunteersSlice';
import { codeLabel, compoundName, formatDateTime, formatDays, levelLabel, stageLabel } from './format';
import { MatchList } from './MatchList';
import { StaffActions } from './StaffActions';
import './messages';

/** The selected request: its file (一问题一建档), its text (personal data), flags, and who could take it now. */
export function RequestDetail() {
  const { selected, requests, rows, compounds, lang, timeZone, selectRequest, staff, file, buildings } = useStore(
    useShallow((s) => ({
      selected: s.selectedRequestId,
      requests: requestsOf(s),
      rows: ledgerOf(s),
      compounds: s.dataset?.compounds.features,
      lang: s.lang,
      timeZone: timeZoneOf(s),
      selectRequest: s.selectRequest,
      staff: s.staff !== null,
      file: s.requestFile,
      buildings: s.dataset?.buildings?.features,
    })),
  );
  const t = useT();
  const id = useId();
  const card = useRef<HTMLElement>(null);
  const names = useMemo(() => new Map((compounds ?? []).map((c) => [c.properties.id, c.properties])), [compounds]);
  useEffect(() => {
    card.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  const buildingName = (buildingId: string | null | undefined) => {
    if (!buildingId) return undefined;
    const b = buildings?.find((f) => f.properties.id === buildingId)?.properties;
    return (lang === 'en' ? b?.name_en : undefined) ?? b?.name ?? buildingId;
  };
  const request = selected ? requests.find((r) => r.properties.id === selected)?.properties : undefined;
  const row = selected ? rows.find((r) => r.id === selected) : undefined;
  if (!request || !row) return null;
  const items: [string, string | number | undefined][] = [
    [t('volunteers.detail.category'), codeLabel(t, lang, request.service_code)],
    [t('volunteers.detail.stage'), stageLabel(t, request.stage)],
    [t('volunteers.detail.status'), t(request.status === 'open' ? 'volunteers.status.open' : 'volunteers.status.closed')],
    [t('volunteers.detail.compound'), compoundName(lang, names, request.compound_id)],
    // The building of the QR code the resident scanned (staff answers only; the public never sees it).
    [t('buildings.requestBuilding'), buildingName(file?.id === selected ? file.file?.request.buildingId : null)],
    [t('volunteers.detail.requested'), formatDateTime(lang, request.requested_datetime, timeZone)],
    [t('volunteers.detail.updated'), formatDateTime(lang, request.updated_datetime, timeZone)],
    [t('volunteers.detail.expected'), formatDateTime(lang, request.expected_datetime, timeZone)],
    [t('volunteers.detail.deadline'), formatDateTime(lang, row.deadline, timeZone)],
    [t('volunteers.detail.rating'), request.rating === undefined ? undefined : t('volunteers.satisfaction.stars', { stars: request.rating })],
  ];
  return (
    <section ref={card} className="panel-section request-detail" aria-labelledby={`${id}-title`}>
      <header className="info-header">
        <div>
          <p className="info-kind">{t('volunteers.detail.kind')}</p>
          <h2 id={`${id}-title`}>{request.service_request_id}</h2>
        </div>
        <button type="button" className="btn btn-small" onClick={() => selectRequest(null)}>
          {t('common.close')}
        </button>
      </header>
      <p className="request-badges">
        {row.overdue && (
          <span className="flag flag-overdue">
            {t('volunteers.detail.overdue', { days: formatDays(lang, row.waitedMs) })}
            {row.escalation && ` · ${levelLabel(t, row.escalation)}`}
          </span>
        )}
        {row.closedLate && <span className="flag">{t('volunteers.detail.closedLate')}</span>}
        {row.gap && <span className="flag flag-gap">{t('volunteers.detail.gap', { category: codeLabel(t, lang, request.service_code) })}</span>}
      </p>
      <dl className="info-rows">
        {items
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value]) => (
            <div key={label} className="info-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {request.description && (
        <blockquote className="request-text" aria-label={t('volunteers.detail.description')}>
          {request.description}
        </blockquote>
      )}
      {staff && <StaffActions key={request.id} requestId={request.id} />}
      {request.status === 'open' && <MatchList requestId={request.id} />}
    </section>
  );
}
