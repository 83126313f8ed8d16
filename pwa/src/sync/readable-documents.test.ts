import { describe, expect, it } from 'vitest';
import { readableDocuments } from './readable-documents.ts';

const of = (role: 'admin' | 'lead' | 'contributor' | 'member') =>
  Object.fromEntries(readableDocuments({ workspace: 'acme', role }));

describe('the documents a role keeps', () => {
  it('follows the permission table', () => {
    const lead = { policy: 'write', registry: 'write', discoveries: 'read' };
    expect(of('admin')).toEqual(lead);
    expect(of('lead')).toEqual(lead);
    expect(of('contributor')).toEqual({ policy: 'read', registry: 'read', discoveries: 'read' });
    expect(of('member')).toEqual({ policy: 'read' });
  });
});
