import { existsSync, readFileSync } from 'node:fs';
import { PUBLISHED_VECTORS_PATH, SHARED_VECTORS_PATH } from './published';

describe('the repo copy of the published vectors', () => {
  const shared = existsSync(SHARED_VECTORS_PATH);

  (shared ? it : it.skip)('is identical to shared/vectors/published.json (checked where shared/ is beside the repo)', () => {
    expect(readFileSync(PUBLISHED_VECTORS_PATH, 'utf8')).toBe(readFileSync(SHARED_VECTORS_PATH, 'utf8'));
  });

  it('still holds the guide example signature', () => {
    expect(readFileSync(PUBLISHED_VECTORS_PATH, 'utf8')).toContain(
      'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });
});
