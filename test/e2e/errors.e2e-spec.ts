import { CSRF_HEADER } from '@portal/contracts';
import { session, startApi, TestApi } from '../support/test-app';

describe('errors are application/problem+json with a stable code', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api.close();
  });

  it('names the offending fields of a validation error, unknown fields included', async () => {
    const { agent, csrf } = await session(api);
    const response = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .send({ email: 'not-an-address', password: 'x', role: 'admin' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.errors as Array<{ field: string; code: string; message: string }>).map(
      (e) => `${e.field}:${e.code}`,
    );
    expect(fields).toEqual(expect.arrayContaining(['email:isEmail', 'role:whitelistValidation']));
    expect(response.body.errors[0].message).toMatch(/email|role/);
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST, not 500', async () => {
    const { agent, csrf } = await session(api);
    const response = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.be", "password": ')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_REQUEST');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|SyntaxError|stack/);
  });

  it('answers a body above the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const { agent, csrf } = await session(api);
    const response = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .send({ email: 'a@b.be', password: 'x'.repeat(1_100_000) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 NOT_FOUND and carries the request id', async () => {
    const response = await api.http.get('/api/v1/does-not-exist').set('x-request-id', 'test-req-42').expect(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', status: 404, requestId: 'test-req-42' });
    expect(response.headers['x-request-id']).toBe('test-req-42');
  });

  it('publishes an OpenAPI document generated from the code', async () => {
    const response = await api.http.get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/health']),
    );
    await api.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
