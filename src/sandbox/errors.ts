/**
 * A problem the user can fix: `fix` names it in a few words (it becomes the failing test's name,
 * "hwc-auth: <fix>"), `message` says what to do. Messages never carry secrets.
 */
export class HwcAuthError extends Error {
  override readonly name = 'HwcAuthError';
  constructor(
    readonly fix: string,
    message: string,
  ) {
    super(message);
  }
}

/** The message of anything thrown, without assuming it is an Error (errors cross the sandbox bridge as plain objects). */
export function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
