import { describe, expect, it } from 'vitest';
import { allowedDataOrigins, describeSource, parseDataOrigins, resetDataOrigins, sourceAllowed } from '../../src/data/dataOrigin';

const PAGE = 'https://fw.example.gov.cn/app/?mode=hall';
const DEFAULT = 'data/yuefeng-sample';

describe('where ?data= points', () => {
  it('tells the default dataset, another one on the same site, and one on another host', () => {
    expect(describeSource('data/yuefeng-sample', PAGE, DEFAULT)).toEqual({
      url: 'https://fw.example.gov.cn/app/data/yuefeng-sample/',
      host: 'fw.example.gov.cn',
      foreign: false,
      isDefault: true,
    });
    expect(describeSource('./data/yuefeng-sample/', PAGE, DEFAULT).isDefault).toBe(true);
    expect(describeSource('data/other-town', PAGE, DEFAULT)).toMatchObject({ foreign: false, isDefault: false, host: 'fw.example.gov.cn' });
    expect(describeSource('https://other.example.com/clinics', PAGE, DEFAULT)).toMatchObject({ foreign: true, isDefault: false, host: 'other.example.com' });
    expect(describeSource('//other.example.com:8443/x', PAGE, DEFAULT)).toMatchObject({ foreign: true, host: 'other.example.com:8443' });
  });

  it('reads the allowed origins of config.json, ignoring anything that is not one', () => {
    expect(parseDataOrigins({ dataOrigins: ['https://data.example.org/some/path', 'not a url', 7, 'http://10.0.0.5:8080'] })).toEqual([
      'https://data.example.org',
      'http://10.0.0.5:8080',
    ]);
    expect(parseDataOrigins({ dataOrigins: 'https://data.example.org' })).toEqual([]);
    expect(parseDataOrigins(null)).toEqual([]);
  });

  it("allows the app's own origin always, another only when config.json lists it, and none when config.json cannot be read", async () => {
    const config =
      (body: unknown, status = 200) =>
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const other = describeSource('https://data.example.org/town', PAGE, DEFAULT);
    resetDataOrigins();
    expect(
      await sourceAllowed(describeSource('data/x', PAGE, DEFAULT), async () => {
        throw new Error('never asked');
      }),
    ).toBe(true);
    expect(await sourceAllowed(other, config({ dataOrigins: [] }))).toBe(false);
    resetDataOrigins();
    expect(await sourceAllowed(other, config({ dataOrigins: ['https://data.example.org'] }))).toBe(true);
    resetDataOrigins();
    expect(await sourceAllowed(other, config({}, 404))).toBe(false);
    resetDataOrigins();
    expect(
      await allowedDataOrigins(async () => {
        throw new TypeError('offline');
      }),
    ).toEqual([]);
    resetDataOrigins();
  });
});
