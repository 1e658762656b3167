import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { ERROR_MESSAGES, PROBLEM_CONTENT_TYPE, QUEUES, SESSION_COOKIE, type ErrorCode } from '@portal/contracts';
import type { Queue } from 'bullmq';
import { SessionService } from '../auth/session.service';
import { localeOf } from '../common/problem.filter';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The queue dashboard (bull-board), read-only, for admins only. It is an Express router rather than a Nest
 * controller, so it gets its own admin check here (the same session lookup as the AccessGuard).
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true }),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Subsidieportaal: wachtrijen' } },
  });
  const sessions = app.get(SessionService);
  const refuse = (request: Request, response: Response, code: ErrorCode) => {
    const locale = localeOf(request);
    const message = ERROR_MESSAGES[code];
    response
      .status(message.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          type: `urn:grant-portal:problem:${code.toLowerCase().replace(/_/g, '-')}`,
          title: message.title[locale],
          status: message.status,
          code,
          detail: message.detail[locale],
        }),
      );
  };
  app.use(QUEUE_DASHBOARD_PATH, (request: Request, response: Response, next: NextFunction) => {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const lookup = typeof token === 'string' && token ? sessions.resolve(token) : Promise.resolve(null);
    lookup.then(
      (auth) => {
        if (!auth) return refuse(request, response, 'AUTH_REQUIRED');
        if (!auth.user.roles.includes('admin')) return refuse(request, response, 'FORBIDDEN');
        next();
      },
      () => refuse(request, response, 'SERVICE_UNAVAILABLE'),
    );
  });
  app.use(QUEUE_DASHBOARD_PATH, serverAdapter.getRouter());
}
