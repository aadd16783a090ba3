import type { IntakeService } from './api';
import { useReportText } from './i18n';

/** Large buttons, one per service: a radio group (one choice), readable by screen readers as such. */
export function ServicePicker({
  services,
  value,
  onChange,
  labelId,
}: {
  services: readonly IntakeService[];
  value: string | null;
  onChange(code: string): void;
  labelId: string;
}) {
  const { lang } = useReportText();
  return (
    <div className="report-services" role="radiogroup" aria-labelledby={labelId}>
      {services.map((s) => (
        <label key={s.service_code} className={value === s.service_code ? 'report-service selected' : 'report-service'}>
          <input type="radio" name="service_code" value={s.service_code} checked={value === s.service_code} onChange={() => onChange(s.service_code)} />
          <span className="report-service-glyph" aria-hidden="true">
            {s.glyph}
          </span>
          <span className="report-service-name">{s.service_name[lang]}</span>
        </label>
      ))}
    </div>
  );
}
