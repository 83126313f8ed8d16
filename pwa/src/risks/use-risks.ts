import type * as Y from 'yjs';
import {
  readRiskRegister,
  readSoa,
  type RiskRegister,
  type StatementOfApplicability,
} from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NO_RISKS: RiskRegister = { risks: new Map(), problems: [] };
const NO_SOA: StatementOfApplicability = { entries: new Map(), problems: [] };

// One reader per registry document, shared by the register, the SoA and the dashboard.
const readRisksShared = sharedReader((doc) => ({ read: () => readRiskRegister(doc) }));
const readSoaShared = sharedReader((doc) => ({ read: () => readSoa(doc) }));

/** The risk register, read without trust; empty while there is no document. */
export const useRisks = (doc: Y.Doc | undefined) => useDocument(doc, readRisksShared, NO_RISKS);

/** The Statement of Applicability, read without trust. */
export const useSoa = (doc: Y.Doc | undefined) => useDocument(doc, readSoaShared, NO_SOA);
