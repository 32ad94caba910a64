/**
 * The few named errors of the REST API, each with a stable code and HTTP status (CONTRACT.md: the body is
 * `{ error: { code, message } }`), and the one handler that turns anything thrown into that body.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { ApiErrorBody } from '../common/apiError.js';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More of the refusal for programs, sent beside `code` and `message` (e.g. the findings of `checks_failed`). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const badRequest = (message: string) => new AppError(400, 'bad_request', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Cần đăng nhập (sign in first)');
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng (wrong username or password)');
export const crossSite = () => new AppError(403, 'cross_site', 'cross-site requests may not change anything');
/** A report whose stored rooms are over the export's size limit (`limitBytes`, config `export.maxStoredBytes`). */
export const exportTooLarge = (sizeBytes: number, limitBytes: number) => {
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  return new AppError(
    413,
    'export_too_large',
    `Báo cáo quá lớn để xuất ra Word (${mb(sizeBytes)} MB, tối đa ${mb(limitBytes)} MB) (the report is too large to export)`,
  );
};
/** Every export thread and queue place is taken: try again shortly. */
export const exportBusy = () =>
  new AppError(503, 'export_busy', 'Máy chủ đang bận xuất các báo cáo khác; vui lòng thử lại sau ít phút (too many exports at once, try again shortly)');
/** The worker building the file failed (or was stopped over its memory limit); the cause is logged. */
export const exportFailed = () => new AppError(500, 'export_failed', 'Không tạo được tệp Word; vui lòng thử lại (the export failed)');
/**
 * The shared login throttle (Redis, issue 11) could not be asked in time: the sign-in is refused unchecked
 * rather than let through unguarded. The cause goes to the throttle's `onUnavailable`, to be logged.
 */
export const throttleUnavailable = () =>
  new AppError(503, 'throttle_unavailable', 'Tạm thời không đăng nhập được; vui lòng thử lại sau ít phút (sign-in is unavailable for a moment, try again shortly)');

/** Too many failed logins; `retryAfterSeconds` goes in the Retry-After header. */
export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_attempts', `Đăng nhập sai quá nhiều lần; thử lại sau ${retryAfterSeconds} giây (too many attempts)`);
  }
}

/** A validation failure naming the first field at fault, e.g. `templateId: Required`. */
export function invalidInput(error: ZodError): AppError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return new AppError(400, 'invalid_input', `${where}${issue?.message ?? 'invalid input'}`);
}

export function errorBody(code: string, message: string, details?: Readonly<Record<string, unknown>>): ApiErrorBody {
  return { error: { ...details, code, message } };
}

/** 404 `not_found` for an address nothing answers; the address in the message is cut at 200 characters. */
export function notFoundReply(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send(errorBody('not_found', `${request.method} ${request.url.slice(0, 200)} not found`));
}

/**
 * The router's own refusals (Fastify's `frameworkErrors`), in the API's error shape. A path segment longer
 * than any id (the router's maxParamLength, 100 characters) names nothing: 404, as an unknown id does — not
 * the router's bare 414 whose message repeats the whole segment. A URL that cannot be decoded: 400.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void notFoundReply(request, reply);
    return;
  }
  void reply.status(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send(errorBody('bad_request', 'the address cannot be read'));
}

/** Installs the error and not-found handlers. 5xx details are logged, never sent. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send(errorBody('internal_error', 'something went wrong on the server'));
    }
    // Fastify's own 4xx: unparsable JSON, a body too large, an unsupported media type…
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : 'bad_request';
    return reply.status(status).send(errorBody(code, error.message));
  });
}
