import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/server/auth/apiKeys';
import { startTestServer, type TestServer } from './helpers';
import { call, isErrorArray, report, type Filed } from './intakeHelpers';
import { addUser, login } from './staff-helpers';

let server: TestServer;
let key: string;
/** Cookie headers of a community worker of 新华社区 (the sample compound's) and of a grid leader elsewhere. */
let worker: Record<string, string>;
let otherGrid: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  key = issueApiKey(server.ctx.store, 'test system').key;
  await addUser(server, { username: 'xinhua', role: 'community_worker', communityId: 'cm-xinhua' });
  await addUser(server, { username: 'puxia1', role: 'grid_leader', gridId: 'gr-puxia-1' });
  worker = { cookie: (await login(server, 'xinhua')).cookie };
  otherGrid = { cookie: (await login(server, 'puxia1')).cookie };
});
afterAll(async () => {
  await server.close();
});

/** A 400 × 200 JPEG as a phone writes it: EXIF with the camera, a GPS position, and "rotate 90°" (orientation 6). */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Model X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '26/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 19/1 0/1' },
    })
    .toBuffer();
}

/** Whether an EXIF block points to a GPS IFD (tag 0x8825, in either byte order). */
const hasGps = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

const dataUrl = (bytes: Buffer, type = 'image/jpeg') => `data:${type};base64,${bytes.toString('base64')}`;

describe('intake photos', () => {
  it('stores a photo upright, without any EXIF or GPS, as <sha256>.jpg, and links it to the request', async () => {
    const original = await phoneJpeg();
    const meta = await sharp(original).metadata();
    expect(hasGps(meta.exif!)).toBe(true);
    expect(meta.orientation).toBe(6);
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const answer = await report(server, { photo: dataUrl(original) });
    expect(answer.status).toBe(201);
    const stored = server.ctx.store.getRequest((answer.json as Filed).service_request_id)!;
    expect(stored.mediaHash).toMatch(/^[0-9a-f]{64}$/);
    const file = join(server.ctx.config.photoDir, `${stored.mediaHash}.jpg`);
    const bytes = readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.mediaHash);
    const clean = await sharp(bytes).metadata();
    expect(clean.format).toBe('jpeg');
    expect(clean.exif).toBeUndefined();
    expect(clean.xmp).toBeUndefined();
    expect(clean.icc).toBeUndefined();
    expect(clean.orientation).toBeUndefined();
    // Turned upright by its orientation: 400 × 200 shot sideways is 200 × 400.
    expect([clean.width, clean.height]).toEqual([200, 400]);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(server.ctx.store.getPhoto(stored.mediaHash!)).toMatchObject({ width: 200, height: 400, mime: 'image/jpeg', bytes: bytes.length });
  });

  it('fits a large PNG within 1,600 px and keeps the same photo once', async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 4, background: { r: 200, g: 20, b: 20, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const first = server.ctx.store.getRequest(((await report(server, { photo: dataUrl(png, 'image/png') })).json as Filed).service_request_id)!;
    const second = server.ctx.store.getRequest(((await report(server, { photo: dataUrl(png, 'image/png') })).json as Filed).service_request_id)!;
    expect(second.mediaHash).toBe(first.mediaHash);
    expect(server.ctx.store.getPhoto(first.mediaHash!)).toMatchObject({ width: 1600, height: 800 });
    expect(readdirSync(server.ctx.config.photoDir).filter((f) => f.startsWith(first.mediaHash!))).toEqual([`${first.mediaHash}.jpg`]);
  });

  it('refuses a file that only claims to be an image, and a truncated one, storing nothing', async () => {
    const before = server.ctx.store.countRequests();
    const text = await report(server, { photo: dataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg> not a jpeg at all')) });
    expect(text.status).toBe(400);
    expect((text.json as { description: string }[])[0]!.description).toMatch(/not a readable image/);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const disguised = await report(server, { photo: dataUrl(gif, 'image/jpeg') });
    expect(disguised.status).toBe(400);
    expect((disguised.json as { description: string }[])[0]!.description).toMatch(/JPEG, PNG or WebP, not gif/);
    const jpeg = await phoneJpeg();
    const truncated = await report(server, { photo: dataUrl(jpeg.subarray(0, Math.floor(jpeg.length / 2))) });
    expect(truncated.status).toBe(400);
    expect(isErrorArray(truncated.json)).toBe(true);
    expect(server.ctx.store.countRequests()).toBe(before);
  });

  it('serves a photo only to staff whose scope holds its request, and never a file outside the photo directory', async () => {
    const filed = (await report(server, { photo: dataUrl(await phoneJpeg()) })).json as Filed;
    const hash = server.ctx.store.getRequest(filed.service_request_id)!.mediaHash!;
    const anonymous = await call(server, 'GET', `/api/photos/${hash}`);
    expect(anonymous.status).toBe(401);
    expect(isErrorArray(anonymous.json)).toBe(true);
    // A system's key files reports; it does not open residents' photos.
    expect((await call(server, 'GET', `/api/photos/${hash}`, undefined, { headers: { 'x-api-key': key } })).status).toBe(401);
    expect((await call(server, 'GET', `/api/photos/${hash}`, undefined, { headers: otherGrid })).status).toBe(404);
    const staff = await call(server, 'GET', `/api/photos/${hash}`, undefined, { headers: worker });
    expect(staff.status).toBe(200);
    expect(staff.headers['content-type']).toBe('image/jpeg');
    expect(staff.headers['cache-control']).toBe('private, no-store');

    // A file planted beside the photo directory must stay unreachable.
    writeFileSync(join(server.dir, 'secret.txt'), 'ledger secret');
    const tricks = [
      '../secret.txt',
      '..%2Fsecret.txt',
      '..%2f..%2fledger.sqlite',
      '%2e%2e%2fsecret.txt',
      `${hash}.jpg`,
      hash.toUpperCase(),
      `${hash.slice(0, 63)}/`,
      `${hash}%00`,
      '....//secret.txt',
    ];
    for (const trick of tricks) {
      const answer = await call(server, 'GET', `/api/photos/${trick}`, undefined, { headers: worker });
      expect([400, 404], trick).toContain(answer.status);
      expect(answer.text).not.toContain('ledger secret');
      expect(answer.text).not.toContain('SQLite format');
    }
    const unknown = await call(server, 'GET', `/api/photos/${'0'.repeat(64)}`, undefined, { headers: worker });
    expect(unknown.status).toBe(404);
    expect(existsSync(join(server.ctx.config.photoDir, `${hash}.jpg`))).toBe(true);
  });
});
