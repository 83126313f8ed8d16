import type * as Y from 'yjs';
import { readRiskErm } from '../../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../../sync/use-document.ts';

const NO_ERM: ReturnType<typeof readRiskErm> = { erm: new Map(), problems: [] };
const readErmShared = sharedReader((doc) => ({ read: () => readRiskErm(doc) }));

/** Every risk's ERM fields (risk-erm.ts), read without trust. */
export const useRiskErm = (registry: Y.Doc | undefined) =>
  useDocument(registry, readErmShared, NO_ERM);
