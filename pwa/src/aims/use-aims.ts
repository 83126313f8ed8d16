import type * as Y from 'yjs';
import {
  AIMS_REGISTERS,
  readAimsRegister,
  type AimsRegisterContent,
  type RegisterSpec,
} from '../../../shared/documents/aims/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

export type AimsContent = ReadonlyMap<string, AimsRegisterContent>;

const NO_AIMS: AimsContent = new Map();

/** Every register of the management system, read without trust, once per change of the registry. */
export function readAims(doc: Y.Doc, registers: readonly RegisterSpec[] = AIMS_REGISTERS) {
  return new Map(registers.map((register) => [register.id, readAimsRegister(doc, register)]));
}

const readAimsShared = sharedReader((doc) => ({ read: (): AimsContent => readAims(doc) }));

/** The management system's registers; empty while there is no document. */
export const useAims = (doc: Y.Doc | undefined) => useDocument(doc, readAimsShared, NO_AIMS);
