import type { Ref } from 'react';
import { useReportText, type ReportKey } from './i18n';

/** The optional phone of the intake forms: its label, whom it reaches, and the input. */
export function PhoneField({
  id,
  hintId,
  label,
  hint,
  value,
  invalid = false,
  inputRef,
  onChange,
}: {
  id: string;
  hintId: string;
  label: ReportKey;
  hint: ReportKey;
  value: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: string): void;
}) {
  const { t } = useReportText();
  return (
    <>
      <h2>
        <label htmlFor={id}>{t(label)}</label>
      </h2>
      <p id={hintId} className="report-hint">
        {t(hint)}
      </p>
      <input
        id={id}
        ref={inputRef}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={value}
        aria-describedby={hintId}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

/** A field only robots fill in: hidden from people and from screen readers. */
export function RobotTrap({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useReportText();
  return (
    <div className="report-trap" aria-hidden="true">
      <label>
        {t('report.website')}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
      </label>
    </div>
  );
}
