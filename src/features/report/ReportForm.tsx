import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, intakeApi, type CompoundInfo, type Filed, type IntakeService, type NearbyRequest } from './api';
import { useReportText, type ReportKey } from './i18n';
import { LocationPicker, type Position } from './LocationPicker';
import { NearbyNotice } from './NearbyNotice';
import { PhoneField, RobotTrap } from './FormParts';
import { isPhone, normalizePhone } from './phone';
import { PhotoInput } from './PhotoInput';
import { ServicePicker } from './ServicePicker';

export const DESCRIPTION_MAX = 1000;
/** Wait this long after the last move of the pin before asking for nearby requests (ms). */
const NEARBY_DELAY_MS = 400;

type Problem = { field: 'service' | 'text' | 'phone' | 'send'; message: string };

/**
 * The resident's report: what, where, the text, an optional photo and phone. Before it is
 * sent, open requests of the same kind nearby are shown so one can be followed instead.
 * Everything typed is sent as JSON and shown back as text, never as HTML.
 */
export function ReportForm({
  compound,
  buildingId = null,
  services,
  onFiled,
  resizePhoto,
}: {
  compound: CompoundInfo;
  buildingId?: string | null;
  services: readonly IntakeService[];
  onFiled(filed: Filed): void;
  resizePhoto?: (file: Blob) => Promise<string>;
}) {
  const { t } = useReportText();
  const ids = { what: useId(), text: useId(), phone: useId(), phoneHint: useId(), count: useId() };
  const [service, setService] = useState<string | null>(null);
  const [position, setPosition] = useState<Position>({ lon: compound.point.long, lat: compound.point.lat });
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [website, setWebsite] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [nearby, setNearby] = useState<{ requests: NearbyRequest[]; at: number }>({ requests: [], at: 0 });
  const textRef = useRef<HTMLTextAreaElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const whatRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!service) return;
    let live = true;
    const timer = setTimeout(() => {
      intakeApi
        .nearby(service, position.lat, position.lon)
        .then((requests) => live && setNearby({ requests, at: Date.now() }))
        .catch(() => live && setNearby({ requests: [], at: Date.now() }));
    }, NEARBY_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [service, position]);

  const fail = (field: Problem['field'], key: ReportKey, vars?: Record<string, string | number>) => {
    setProblem({ field, message: t(key, vars) });
    if (field === 'text') textRef.current?.focus();
    else if (field === 'phone') phoneRef.current?.focus();
    else if (field === 'service') whatRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const description = text.trim();
    if (!service) return fail('service', 'report.missingService');
    if (!description) return fail('text', 'report.missingText');
    if ([...description].length > DESCRIPTION_MAX) return fail('text', 'report.tooLong', { max: DESCRIPTION_MAX });
    if (phone.trim() && !isPhone(phone)) return fail('phone', 'report.badPhone');
    setProblem(null);
    setSending(true);
    intakeApi
      .file({
        service_code: service,
        lat: position.lat,
        long: position.lon,
        compound_id: compound.id,
        ...(buildingId ? { building_id: buildingId } : {}),
        description,
        ...(phone.trim() ? { phone: normalizePhone(phone) } : {}),
        ...(photo ? { photo } : {}),
        website,
      })
      .then(onFiled)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 429) fail('send', 'report.tooMany');
        else if (error instanceof ApiError && error.status === 0) fail('send', 'report.loadFailed');
        else fail('send', 'report.failed', { message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => setSending(false));
  };

  const count = [...text.trim()].length;
  const errorFor = (field: Problem['field']) =>
    problem?.field === field ? (
      <p className="report-error" role="alert">
        {problem.message}
      </p>
    ) : null;

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      <section>
        <h2 id={ids.what} ref={whatRef} tabIndex={-1}>
          {t('report.what')}
        </h2>
        <ServicePicker services={services} value={service} onChange={setService} labelId={ids.what} />
        {errorFor('service')}
      </section>
      <section>
        <h2>{t('report.where')}</h2>
        <LocationPicker compound={compound} value={position} onChange={setPosition} />
      </section>
      {service && <NearbyNotice requests={nearby.requests} nowMs={nearby.at} />}
      <section>
        <h2>
          <label htmlFor={ids.text}>{t('report.text')}</label>
        </h2>
        <textarea
          id={ids.text}
          ref={textRef}
          value={text}
          rows={5}
          maxLength={DESCRIPTION_MAX + 200}
          placeholder={t('report.textHint')}
          aria-describedby={ids.count}
          aria-invalid={problem?.field === 'text' || count > DESCRIPTION_MAX}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={ids.count} className={count > DESCRIPTION_MAX ? 'report-count over' : 'report-count'}>
          {t('report.textCount', { count, max: DESCRIPTION_MAX })}
        </p>
        {errorFor('text')}
      </section>
      <section>
        <h2>{t('report.photo')}</h2>
        <PhotoInput value={photo} onChange={setPhoto} resize={resizePhoto} />
      </section>
      <section>
        <PhoneField
          id={ids.phone}
          hintId={ids.phoneHint}
          label="report.phone"
          hint="report.phoneHint"
          value={phone}
          invalid={problem?.field === 'phone'}
          inputRef={phoneRef}
          onChange={setPhone}
        />
        {errorFor('phone')}
      </section>
      <RobotTrap value={website} onChange={setWebsite} />
      {errorFor('send')}
      <button type="submit" className="report-primary" disabled={sending} aria-busy={sending}>
        {sending ? t('report.sending') : t('report.send')}
      </button>
    </form>
  );
}
