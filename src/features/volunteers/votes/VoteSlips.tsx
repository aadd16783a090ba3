import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { groupedVoteCode } from '../../../domain/votes';
import { useT } from '../../../components/useT';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../store';
import { timeZoneOf } from '../../../store/volunteersSlice';
import { formatDateTime } from '../format';
import { ballotUrl, type IssuedCodes } from './voteApi';
import '../messages';

/**
 * The printable slips of one printing run, over the whole page (and alone on paper: print
 * CSS hides the app while this sheet is open). Each slip: the question, a QR to the ballot
 * page with its code, the short address and the code to type. Codes are shown this once.
 */
export function VoteSlips({ issued, onClose }: { issued: IssuedCodes; onClose(): void }) {
  const t = useT();
  const { lang, timeZone } = useStore(useShallow((s) => ({ lang: s.lang, timeZone: timeZoneOf(s) })));
  const { vote, codes } = issued;
  const origin = window.location.origin;
  const lng = lang === 'en' ? 'en' : 'zh';
  useEffect(() => {
    document.body.classList.add('printing-vote-slips');
    return () => document.body.classList.remove('printing-vote-slips');
  }, []);
  const deadline = formatDateTime(lang, vote.deadline, timeZone);
  const shortUrl = ballotUrl(origin, vote.id, lng);
  return createPortal(
    <div className="vote-slips-sheet" role="dialog" aria-modal="true" aria-label={t('votes.slipsTitle', { question: vote.question })}>
      <div className="vote-slips-tools">
        <p>{t('votes.slipsHint', { n: codes.length })}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('votes.print')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('votes.slipsClose')}
        </button>
      </div>
      <div className="vote-slips">
        {codes.map((code) => (
          <article key={code} className="vote-slip" aria-label={`${t('votes.slipCode')} ${groupedVoteCode(code)}`}>
            <p className="vote-slip-question">{vote.question}</p>
            <SlipQr url={ballotUrl(origin, vote.id, lng, code)} alt={t('votes.slipQrAlt')} />
            <p className="vote-slip-scan">{t('votes.slipScan', { url: shortUrl })}</p>
            <p className="vote-slip-code">
              {t('votes.slipCode')} <strong>{groupedVoteCode(code)}</strong>
            </p>
            <p className="vote-slip-rule">{t('votes.slipRule', { date: deadline })}</p>
          </article>
        ))}
      </div>
    </div>,
    document.body,
  );
}

/** A QR code as an SVG image (never markup), as on the compound posters; the library loads only when slips are made. */
function SlipQr({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return <div className="vote-slip-qr">{src ? <img src={src} alt={alt} data-url={url} /> : null}</div>;
}
