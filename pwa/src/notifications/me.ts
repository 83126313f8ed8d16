import type { Role } from '../../../shared/auth/access.ts';
import { personKey } from '../../../shared/documents/registry/people.ts';

/** Who "me" is for the inbox: the signed-in person's directory key and whether they lead. */
export interface Me {
  /** `personKey` of the signed-in person's name (`personOf(credentials)`). */
  key: string;
  lead: boolean;
}

export const meOf = (name: string, role: Role): Me => ({
  key: personKey(name),
  lead: role === 'admin' || role === 'lead',
});
