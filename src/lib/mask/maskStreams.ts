import type { Redactor } from './redact';

type Write = typeof process.stdout.write;

/**
 * Routes everything written to stdout and stderr through the redactor until the returned function is called.
 * Output is held back to the end of each line (a newline, or a carriage return: a progress bar redrawn in place), so
 * a secret split across two writes is still masked whole.
 */
export function maskStreams(redactor: Redactor, streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): () => void {
  const restores = streams.map((stream) => maskStream(stream, redactor));
  return () => restores.forEach((restore) => restore());
}

function maskStream(stream: NodeJS.WriteStream, redactor: Redactor): () => void {
  const original: Write = stream.write;
  let pending = '';
  const emit = (text: string): void => {
    if (text) original.call(stream, redactor.mask(text));
  };
  const write = function (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean {
    const text =
      typeof chunk === 'string'
        ? chunk
        : Buffer.from(chunk as Uint8Array).toString(typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8');
    // only the new text is searched for the line's end: a long line written in many pieces stays linear
    const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (end >= 0) {
      emit(pending + text.slice(0, end + 1));
      pending = text.slice(end + 1);
    } else {
      pending += text;
    }
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  };
  stream.write = write as Write;
  return () => {
    emit(pending);
    pending = '';
    stream.write = original;
  };
}
