/**
 * Intl formatters, made once per locale and options. Making one costs about 0.1 ms (a list of
 * a few hundred dated rows would spend tens of milliseconds on them at every render); the first
 * of a page costs about 30 ms in Chromium, its locale's data loading, which it then pays once.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function made<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return made(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return made(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}
