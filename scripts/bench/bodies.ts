/** The large bodies the benchmark signs (12 MB figures). */

/** One JSON string of `bytes` ASCII bytes: `{"data":"xxx..."}`. No `/`, no `{{`, one string: the least any pass finds. */
export function fillerJsonBody(bytes: number): string {
  return JSON.stringify({ data: 'x'.repeat(bytes - 20) }).slice(0, bytes);
}

/**
 * About `bytes` bytes of JSON records as an API takes them in bulk: numbers, short strings and a URL in each record.
 * Its URLs hold `//`, so the JSON comment pass (what postman-runtime strips from a JSON body before sending it) has to
 * tell strings from comments across the whole body.
 */
export function recordsJsonBody(bytes: number): string {
  const records: string[] = [];
  let length = 2;
  for (let id = 0; length < bytes - 200; id++) {
    const record = JSON.stringify({ id, name: `item ${id}`, url: `https://example.com/items/${id}`, tags: ['a', 'b'], price: id * 1.5 });
    records.push(record);
    length += record.length + 1;
  }
  return `[${records.join(',')}]`;
}
