/** One line per request: method, path (never the query), status and verdict. No headers, bodies or secrets. */
export type RequestLogger = (method: string, path: string, status: number, verdict: string) => void;

export function requestLogger(quiet: boolean, write: (line: string) => void = (line) => process.stdout.write(line)): RequestLogger {
  if (quiet) return () => undefined;
  return (method, path, status, verdict) => {
    const shown = path.length > 200 ? path.slice(0, 200) + '...' : path;
    write(`[mock-cloud] ${method} ${shown} -> ${status} ${verdict}\n`);
  };
}
