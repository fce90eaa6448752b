/**
 * The errors this project throws are Error objects with a name and fields of their own, made by functions rather than
 * subclasses of Error, and told apart by isNamedError. The Postman scripts are evaluated anew for every request, and a
 * class at their top level is a new prototype each time: in Newman's sandbox that kept every evaluation's objects
 * alive through the young-generation garbage collections, which took 2.5 times as long (docs/sandbox.md, "No classes").
 */
export type NamedError<N extends string, F extends object> = Error & { readonly name: N } & Readonly<F>;

/** An Error with `message`, named `name` (its toString() starts with it) and carrying `fields` as own properties. */
export function namedError<N extends string, F extends object>(name: N, message: string, fields: F): NamedError<N, F> {
  const err = new Error(message);
  err.name = name;
  return Object.assign(err, fields) as NamedError<N, F>;
}

/** Whether `err` is an Error named `name` (namedError's, or any other Error of that name). */
export function isNamedError(err: unknown, name: string): boolean {
  return err instanceof Error && err.name === name;
}
