import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS } from '../../../src/mock';
import { send, sendSigned, stats, mockCloudForFile } from '../client';

/** GET /v3/projects?name= and GET /v3/auth/domains signed with AK/SK, as the SDKs (and the script) look ids up. */
const START = Date.UTC(2024, 0, 2, 3, 4, 5);
const mock = mockCloudForFile(START);
const [CN] = MOCK_PROJECTS;

describe('id lookups at IAM', () => {
  it('a region name gives its one project; an unknown region gives none; both counted per AK and name', async () => {
    const found = await sendSigned(mock.cloud, { target: `/v3/projects?name=${CN.name}`, at: START }).response;
    expect(found.status).toBe(200);
    expect(found.json.projects.map((p: { id: string; name: string }) => [p.id, p.name])).toEqual([[CN.id, CN.name]]);
    const unknown = await sendSigned(mock.cloud, { target: '/v3/projects?name=xx-nowhere-1', at: START }).response;
    expect([unknown.status, unknown.json.projects]).toEqual([200, []]);
    expect((await stats(mock.cloud)).projectRequestsByIdentity).toEqual({
      [`aksk:${MOCK_AKSK.ak} name=${CN.name}`]: 1,
      [`aksk:${MOCK_AKSK.ak} name=xx-nowhere-1`]: 1,
    });
  });

  it('/v3/auth/domains gives the caller\'s account; unauthenticated it is 401', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v3/auth/domains', at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.domains).toEqual([expect.objectContaining({ id: MOCK_ACCOUNT.domainId, name: MOCK_ACCOUNT.domainName, enabled: true })]);
    expect((await send(mock.cloud, { target: '/v3/auth/domains' })).status).toBe(401);
    const s = await stats(mock.cloud);
    expect([s.domainRequests, s.domainRequestsByIdentity]).toEqual([2, { [`aksk:${MOCK_AKSK.ak}`]: 1 }]);
  });
});
