import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useT } from '../../components/useT';

/** ≥ 200 CSS px: a phone camera reads it from about a metre off a screen or a poster. */
export const QR_SIZE_PX = 240;

const DIALOG_STYLE: CSSProperties = { width: 'min(460px, 94vw)', overflowY: 'auto', gap: 8 };
const URL_STYLE: CSSProperties = { width: '100%', font: 'inherit', padding: '6px 8px', border: '1px solid #7b8794', borderRadius: 6 };
const QR_STYLE: CSSProperties = { display: 'block', margin: '8px auto', background: '#fff' };

/** The QR code as an SVG data URL (rendered through <img>, never as markup). */
function useQrCode(url: string): { src: string | null; failed: boolean } {
  const [qr, setQr] = useState<{ for: string; src: string | null }>({ for: '', src: null });
  useEffect(() => {
    let live = true;
    // Loaded when the dialog opens: a resident who never shares never downloads the encoder.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } }))
      .then((svg) => live && setQr({ for: url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }))
      .catch(() => live && setQr({ for: url, src: null }));
    return () => {
      live = false;
    };
  }, [url]);
  return { src: qr.for === url ? qr.src : null, failed: qr.for === url && qr.src === null };
}

type CopyStatus = 'idle' | 'copied' | 'failed';

export interface ShareDialogProps {
  /** The address to share: the app keeps the address bar in step with the view. */
  url: string;
  onClose(): void;
}

/** The link to this view, a button to copy it, and its QR code. */
export function ShareDialog({ url, onClose }: ShareDialogProps) {
  const t = useT();
  const titleId = useId();
  const urlId = useId();
  const canCopy = typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function';
  const [copy, setCopy] = useState<CopyStatus>('idle');
  const qr = useQrCode(url);
  const firstControl = useRef<HTMLElement | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  useEffect(() => firstControl.current?.focus(), []);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      setCopy('failed');
      urlField.current?.select();
    }
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog share-dialog"
        style={DIALOG_STYLE}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{t('share.title')}</h2>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </header>
        <p className="hint">{t('share.intro')}</p>
        <label className="field-label" htmlFor={urlId}>
          {t('share.url')}
        </label>
        <input
          id={urlId}
          ref={(el) => {
            urlField.current = el;
            if (!canCopy) firstControl.current = el;
          }}
          type="text"
          readOnly
          value={url}
          style={URL_STYLE}
          onFocus={(event) => event.currentTarget.select()}
        />
        {canCopy ? (
          <div>
            <button ref={(el) => void (firstControl.current = el)} type="button" className="btn" onClick={() => void copyLink()}>
              {t('share.copy')}
            </button>
          </div>
        ) : (
          <p className="hint">{t('share.manualCopy')}</p>
        )}
        <p role="status" className={copy === 'failed' ? 'search-error' : 'hint'}>
          {copy === 'copied' ? t('share.copied') : copy === 'failed' ? t('share.copyFailed') : ''}
        </p>
        {qr.src && <img src={qr.src} alt={t('share.qrAlt')} width={QR_SIZE_PX} height={QR_SIZE_PX} style={QR_STYLE} />}
        {qr.failed && <p className="search-error">{t('share.qrFailed')}</p>}
      </section>
    </div>
  );
}

/** "分享": opens the share dialog for the current address; focus returns to it on close. */
export function ShareButton({ className = 'btn' }: { className?: string }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setUrl(null);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className={className} aria-haspopup="dialog" aria-expanded={url !== null} onClick={() => setUrl(window.location.href)}>
        {t('share.button')}
      </button>
      {url !== null && <ShareDialog url={url} onClose={close} />}
    </>
  );
}
