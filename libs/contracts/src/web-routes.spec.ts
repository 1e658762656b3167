import { MAIL_LINKED_ROUTES } from './web-routes';

describe('MAIL_LINKED_ROUTES', () => {
  it.each(Object.entries(MAIL_LINKED_ROUTES))(
    '%s: the path a mail links to is one the router serves',
    (_name, route) => {
      const path = route.path('abc-123');
      const pattern = new RegExp(`^/${route.pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
      expect(path).toMatch(pattern);
    },
  );
});
