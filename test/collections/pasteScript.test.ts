import { readFileSync } from 'fs';
import { readPostResponseSource, readPrerequestScript } from '../../src/collections/generate';
import { PASTE_POST_RESPONSE_COPY, PASTE_SCRIPT_COPY } from '../../src/lib/signerScript';

/**
 * paste/prerequest.js and paste/postresponse.js, the paste forms committed for people browsing the repository, must be
 * the current builds with only the banner's build commit dropped. When this fails: run `npm run generate` and commit
 * paste/.
 */
describe.each([
  ['paste/prerequest.js', readPrerequestScript, PASTE_SCRIPT_COPY],
  ['paste/postresponse.js', readPostResponseSource, PASTE_POST_RESPONSE_COPY],
])('%s', (_name, read, copy) => {
  const built = read();
  const committed = readFileSync(copy, 'utf8');

  it('is the current paste form (run `npm run generate` if not)', () => {
    // Independently of the generator: the build's banner names a commit, the copy does not; the rest is identical.
    const banner = /^("use sandbox2";\/\*! huaweicloud-postman-auth \d+\.\d+\.\d+\S*) \(commit [0-9a-f]{12}(\+dirty)?\)(:)/;
    expect(built).toMatch(banner);
    expect(committed === built.replace(banner, '$1$3')).toBe(true);
  });

  it('has no build commit, four lines, and one IIFE after the banner', () => {
    expect(committed).not.toMatch(/\(commit /);
    expect(committed.trimEnd().split('\n')).toHaveLength(4);
    expect(committed).toMatch(/^\(\(\)=>\{"use strict";/m);
  });
});
