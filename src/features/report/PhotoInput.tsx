import { useId, useState } from 'react';
import { useReportText } from './i18n';
import { resizePhoto } from './resizePhoto';

/** An optional photo: taken or chosen, made small in the browser, previewed, removable. */
export function PhotoInput({
  value,
  onChange,
  resize = resizePhoto,
}: {
  value: string | null;
  onChange(dataUrl: string | null): void;
  resize?: (file: Blob) => Promise<string>;
}) {
  const { t } = useReportText();
  const id = useId();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <div className="report-photo">
      <p className="report-hint" id={`${id}-hint`}>
        {t('report.photoHint')}
      </p>
      {value ? (
        <div className="report-photo-preview">
          <img src={value} alt={t('report.photoPreview')} />
          <button type="button" className="report-secondary" onClick={() => onChange(null)}>
            {t('report.photoRemove')}
          </button>
        </div>
      ) : (
        <label className="report-secondary report-file" aria-busy={busy}>
          {t('report.photoPick')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (!file) return;
              setBusy(true);
              setFailed(false);
              resize(file)
                .then(onChange)
                .catch(() => setFailed(true))
                .finally(() => setBusy(false));
            }}
          />
        </label>
      )}
      {failed && (
        <p className="report-error" role="alert">
          {t('report.photoBad')}
        </p>
      )}
    </div>
  );
}
