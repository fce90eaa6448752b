import { isNamedError, namedError, type NamedError } from '../core/namedError';

/**
 * A problem the user can fix: `fix` names it in a few words (it becomes the failing test's name,
 * "hwc-auth: <fix>"), `message` says what to do. Messages never carry secrets.
 */
export type HwcAuthError = NamedError<'HwcAuthError', { fix: string }>;

export function hwcAuthError(fix: string, message: string): HwcAuthError {
  return namedError('HwcAuthError', message, { fix });
}

export function isHwcAuthError(err: unknown): err is HwcAuthError {
  return isNamedError(err, 'HwcAuthError');
}

/**
 * The message of anything thrown, without assuming it is an Error: errors cross the sandbox bridge as plain objects,
 * and a network error from pm.sendRequest arrives as { code: 'ECONNREFUSED', errno, syscall, ... } with no message.
 * Says the code then, never "[object Object]".
 */
export function messageOf(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err);
  const e = err as { message?: unknown; code?: unknown; name?: unknown };
  const message = typeof e.message === 'string' ? e.message.trim() : '';
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : '';
  if (message && code && message.indexOf(code) < 0) return `${code}: ${message}`;
  if (message || code) return message || code;
  return typeof e.name === 'string' && e.name ? e.name : 'an error without a message or code';
}

/** "a", "a and b", "a, b and c": for messages that name several things to set or fix. */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1] : (items[0] ?? '');
}
