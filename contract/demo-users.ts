/**
 * The users of the emulator's demo seed; each one's password is its name. One list for the server tests,
 * the console tests and the e2e journeys (server/src/seeds/demo-users.test.ts checks the seed against it).
 */
export const DEMO_USERS = ['opschain', 'operator', 'approver', 'viewer'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
