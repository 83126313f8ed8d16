import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { addPerson, readPeople, type Person } from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

interface Directory {
  people: readonly Person[];
  /** Adds a name to the directory; undefined when this role cannot write it. */
  add?: (name: string) => string | undefined;
  /** Adds the people invitations name (their labels), as an admin's token list shows them. */
  addInvited?: (names: readonly string[]) => void;
}

const NONE: Directory = { people: [] };
const PeopleContext = createContext<Directory>(NONE);
const NO_PEOPLE = { people: [] as Person[], problems: [] as string[] };
const readShared = sharedReader((doc) => ({ read: () => readPeople(doc) }));

/**
 * The workspace's people for every owner, assignee and reviewer field below it. The device that
 * joined with an invitation adds its own person (the relay's label) once, so the directory fills
 * from the invitations as people join (rule RC4).
 */
export function PeopleProvider(props: {
  registry: Y.Doc | undefined;
  canWrite: boolean;
  /** This device's person, as the invitation's label names them (none: nothing to add). */
  label: string | undefined;
  me: string;
  children: ReactNode;
}) {
  const { registry, canWrite, label, me } = props;
  const { people } = useDocument(registry, readShared, NO_PEOPLE);
  useEffect(() => {
    if (!registry || !canWrite || !label) return;
    try {
      addPerson(registry, label, { from: 'invitation', by: me, at: Date.now() });
    } catch {
      // A label the directory cannot hold, or a document from newer code: nothing to add.
    }
  }, [registry, canWrite, label, me]);
  const add =
    registry && canWrite
      ? (name: string) => {
          try {
            addPerson(registry, name, { from: 'added', by: me, at: Date.now() });
            return undefined;
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          }
        }
      : undefined;
  const addInvited =
    registry && canWrite
      ? (names: readonly string[]) => {
          for (const name of names) {
            try {
              addPerson(registry, name, { from: 'invitation', by: me, at: Date.now() });
            } catch {
              // A label the directory cannot hold: left out.
            }
          }
        }
      : undefined;
  return (
    <PeopleContext.Provider
      value={{ people, ...(add ? { add } : {}), ...(addInvited ? { addInvited } : {}) }}
    >
      {props.children}
    </PeopleContext.Provider>
  );
}

export const usePeopleDirectory = () => useContext(PeopleContext);
