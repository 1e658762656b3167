/**
 * A minimal browser for HTTP flows across sites: follows Location headers by hand and carries cookies (by host and
 * path, as a browser does; ports do not separate cookies), so a test can walk a real OpenID Connect sign-in.
 */
export class RedirectWalker {
  private readonly cookies = new Map<string, { host: string; path: string; name: string; value: string }>();

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((cookie) => cookie.name === name)?.value;
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const header = [...this.cookies.values()]
      .filter((cookie) => cookie.host === target.hostname && target.pathname.startsWith(cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(header ? { cookie: header } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) this.store(target, line);
    return response;
  }

  /**
   * Follows redirects from `url` until an answer that is not a redirect, or a redirect to `stopAt` (a predicate on
   * the next URL); returns the last response and the URL it answered (or the Location it stopped at).
   */
  async follow(
    url: string,
    options: { method?: string; form?: Record<string, string>; stopAt?: (next: URL) => boolean } = {},
  ): Promise<{ response: Response; url: string }> {
    let response = await this.fetch(url, options);
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (options.stopAt?.(next)) return { response, url: next.href };
      current = next.href;
      response = await this.fetch(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private store(from: URL, line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    const name = pair.slice(0, index);
    const value = pair.slice(index + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key, attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = attributeValue;
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) < Date.now()) expired = true;
    }
    const key = `${from.hostname}|${path}|${name}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { host: from.hostname, path, name, value });
  }
}
