import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import type { Response } from 'express';
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  ErrorCode,
  errorMessage,
  Locale,
  Problem,
  PROBLEM_CONTENT_TYPE,
} from '@portal/contracts';
import { AppConfig, AppException } from '@portal/server';
import { QueryFailedError } from 'typeorm';
import { requestIdOf, type PortalRequest } from './request-context';

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** SQLSTATE of a database that went away or cannot take connections: class 08, and 57P01-57P03 (shutdown, crash). */
const DATABASE_GONE_STATE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
const DATABASE_GONE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether the error says PostgreSQL is unreachable, not that a statement was wrong: a restart, a failover or a network
 * cut. Socket errors (ECONNREFUSED, ...) carry the port they tried, which tells the database from other services.
 */
function isDatabaseUnavailable(error: object, databasePort: number | null): boolean {
  const driver = (error instanceof QueryFailedError ? error.driverError : error) as {
    code?: unknown;
    message?: unknown;
    port?: unknown;
  };
  if (typeof driver.code === 'string' && DATABASE_GONE_STATE.test(driver.code)) return true;
  if (typeof driver.message === 'string' && DATABASE_GONE_MESSAGE.test(driver.message)) return true;
  return (
    typeof driver.code === 'string' &&
    CONNECTION_ERROR_CODES.has(driver.code) &&
    (error instanceof QueryFailedError || (databasePort !== null && driver.port === databasePort))
  );
}

function portOf(url: string | undefined): number | null {
  if (!url) return null;
  try {
    return Number(new URL(url).port || 5432);
  } catch {
    return null;
  }
}

export function localeOf(request: Pick<PortalRequest, 'headers'>): Locale {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && header.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'AUTH_REQUIRED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST';
  }
}

interface Classified {
  code: ErrorCode;
  status: number;
  exception?: AppException;
  unexpected: boolean;
}

/**
 * A refusal raised by the database's lifecycle triggers (SQLSTATE PL409, migration CallLifecycle): the message is the
 * stable code, the detail its parameters. A deadlock or serialization failure between two racing requests is a 409.
 */
function detailParams(detail: string | undefined): Record<string, string | number> {
  try {
    return JSON.parse(detail ?? '{}') as Record<string, string | number>;
  } catch {
    return {};
  }
}

export function databaseRefusal(error: unknown): AppException | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; message?: string; detail?: string };
  if (driver.code === 'PL409') {
    const code = (ERROR_CODES as readonly string[]).includes(driver.message ?? '')
      ? (driver.message as ErrorCode)
      : 'CALL_PHASE_FORBIDS';
    return new AppException(code, { params: detailParams(driver.detail) });
  }
  if (driver.code === '40P01' || driver.code === '40001') return new AppException('CONFLICT');
  return null;
}

function classify(error: unknown, databasePort: number | null): Classified {
  const refusal = databaseRefusal(error);
  if (refusal) error = refusal;
  // Express middleware errors reach Nest's filters wrapped in an HttpException (the body parser's verify hook throws
  // AppExceptions such as JSON_TOO_DEEP): the cause keeps its own code.
  if (error instanceof HttpException && error.cause instanceof AppException) return classify(error.cause, databasePort);
  if (error instanceof AppException) {
    return {
      code: error.code,
      status: error.options.status ?? ERROR_MESSAGES[error.code].status,
      exception: error,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const bodyCode = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
    const code = (ERROR_CODES as readonly unknown[]).includes(bodyCode)
      ? (bodyCode as ErrorCode)
      : codeForStatus(status);
    return { code, status, unexpected: status >= 500 };
  }
  const shaped = error as { type?: unknown; status?: unknown; code?: unknown; errno?: unknown } | null;
  if (shaped && typeof shaped === 'object') {
    // body-parser errors reach the filter as plain errors with a `type`.
    if (shaped.type === 'entity.parse.failed') return { code: 'MALFORMED_REQUEST', status: 400, unexpected: false };
    if (shaped.type === 'entity.too.large') return { code: 'PAYLOAD_TOO_LARGE', status: 413, unexpected: false };
    if (
      (typeof shaped.type === 'string' && shaped.type.startsWith('encoding.')) ||
      shaped.type === 'charset.unsupported'
    ) {
      return { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, unexpected: false };
    }
    if (isDatabaseUnavailable(shaped, databasePort)) {
      return { code: 'DATABASE_UNAVAILABLE', status: 503, unexpected: true };
    }
    if (typeof shaped.code === 'string' && CONNECTION_ERROR_CODES.has(shaped.code)) {
      return { code: 'SERVICE_UNAVAILABLE', status: 503, unexpected: true };
    }
    const message = (error as Error).message ?? '';
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) {
      return { code: 'SERVICE_UNAVAILABLE', status: 503, unexpected: true };
    }
  }
  return { code: 'INTERNAL_ERROR', status: HttpStatus.INTERNAL_SERVER_ERROR, unexpected: true };
}

/** Turns every error into application/problem+json; never leaks a stack trace or SQL. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');
  private readonly databasePort: number | null;

  constructor(@Optional() config?: AppConfig) {
    this.databasePort = portOf(config?.DATABASE_URL);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<PortalRequest>();
    const response = http.getResponse<Response>();
    const classified = classify(error, this.databasePort);
    if (classified.unexpected) {
      this.logger.error({ err: error, requestId: requestIdOf(request) }, 'Unexpected error');
    }
    if (response.headersSent) return;

    const locale = localeOf(request);
    const { code, status, exception } = classified;
    const problem: Problem & Record<string, unknown> = {
      type: `urn:grant-portal:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: ERROR_MESSAGES[code].title[locale],
      status,
      code,
      detail: errorMessage(code, locale, exception?.options.params),
      ...exception?.options.extra,
    };
    if (exception?.options.errors?.length) {
      problem.errors = exception.options.errors.map((e) => ({
        field: e.field,
        code: e.code,
        message: e.message[locale],
      }));
    }
    const requestId = requestIdOf(request);
    if (requestId) problem.requestId = requestId;
    for (const [name, value] of Object.entries(exception?.options.headers ?? {})) response.setHeader(name, value);
    response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
