import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS } from '../fixtures';

/** The mock's view of the account in fixtures.ts: who exists, their ids, the projects, the permanent keys. */
export interface DirectoryUser {
  id: string;
  name: string;
  password: string;
}

export interface DirectoryProject {
  id: string;
  name: string;
}

export const DOMAIN = { id: MOCK_ACCOUNT.domainId, name: MOCK_ACCOUNT.domainName } as const;

/** User ids are fixed so that token bodies are stable across runs. */
export const USERS: readonly DirectoryUser[] = [
  { id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', ...MOCK_ACCOUNT.user },
  { id: 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7', ...MOCK_ACCOUNT.otherUser },
];

export const PROJECTS: readonly DirectoryProject[] = MOCK_PROJECTS;

export function findDomain(ref: { name?: string; id?: string }): typeof DOMAIN | undefined {
  return ref.id === DOMAIN.id || ref.name === DOMAIN.name ? DOMAIN : undefined;
}

export function findUser(name: string): DirectoryUser | undefined {
  return USERS.find((u) => u.name === name);
}

export function findProject(ref: { name?: string; id?: string }): DirectoryProject | undefined {
  return PROJECTS.find((p) => (ref.id !== undefined ? p.id === ref.id : p.name === ref.name));
}

export function isProjectId(text: string): boolean {
  return PROJECTS.some((p) => p.id === text);
}

/** Permanent AK -> SK: the fixture key plus any extra keys given to startMockCloud. */
export function permanentKeys(extra: Readonly<Record<string, string>> = {}): Map<string, string> {
  return new Map<string, string>([[MOCK_AKSK.ak, MOCK_AKSK.sk], ...Object.entries(extra)]);
}
