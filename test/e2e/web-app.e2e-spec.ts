import { startApi, type TestApi } from '../support/test-app';

describe('the API serves the built web app: gzipped, hashed files cached for good, API answers left alone', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ overrides: { WEB_DIST: 'dist/web' } });
  });

  afterAll(async () => {
    await api.close();
  });

  it('serves index.html for app routes and its script gzipped with an immutable cache', async () => {
    const page = await api.http.get('/aanvrager/dossiers/123').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const asset = await api.http.get(script!).set('Accept-Encoding', 'gzip').expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('does not compress API answers', async () => {
    const calls = await api.http.get('/api/v1/calls').set('Accept-Encoding', 'gzip').expect(200);
    // Big enough that compression would apply (its threshold is 1 kB): the demo calls are seeded.
    expect(calls.text.length).toBeGreaterThan(2048);
    expect(calls.headers['content-encoding']).toBeUndefined();
    expect(calls.headers['cache-control']).toBe('no-store');
  });
});
