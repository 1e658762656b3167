import { WEB_ROUTE_PATTERNS, WEB_ROUTES } from './web-routes';

describe('WEB_ROUTES', () => {
  it.each(Object.keys(WEB_ROUTES) as (keyof typeof WEB_ROUTES)[])(
    '%s: the path a mail links to is one the web router serves',
    (name) => {
      const path = WEB_ROUTES[name]('abc-123');
      const pattern = new RegExp(`^/${WEB_ROUTE_PATTERNS[name].replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
      expect(path).toMatch(pattern);
    },
  );
});
