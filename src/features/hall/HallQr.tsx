import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Bilingual } from './Bilingual';
import type { HallText } from './useHallText';
import './messages';

/**
 * The QR code of the resident view of this screen, drawn as an SVG image (never markup) at
 * a size set in CSS (about a fifth of the screen's short side: 10–15 cm on a hall display,
 * readable by a phone from a metre away).
 */
export function HallQr({ url, text }: { url: string; text: HallText }) {
  const [qr, setQr] = useState<{ for: string; src: string } | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => live && setQr({ for: url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="hall-qr">
      {qr?.for === url && <img src={qr.src} alt={text.t('hall.qrAlt')} data-url={url} />}
      <figcaption>
        <Bilingual text={text} k="hall.qr" />
      </figcaption>
    </figure>
  );
}
