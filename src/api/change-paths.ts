// Where a change lives in the API, apart from the change module's schemas: the boot requests
// (`src/app/boot-requests.ts`) ask for a change page's data before the rest of the app's code has run.

export const changePath = (id: string) => `/changes/${encodeURIComponent(id)}`;

/** A change with its steps (domain §7): what the change page reads first, and polls. */
export const CHANGE_DETAIL_PARAMS: readonly (readonly [string, string])[] = [['include', 'steps']];
