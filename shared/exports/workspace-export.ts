import type * as Y from 'yjs';
import {
  assessmentExport,
  assessmentHtml,
  assessmentMarkdown,
  documentState,
  jsonProvenanceOf,
  liveRegisterView,
  riskRegisterCsv,
  riskRegisterGrcCsv,
  riskRegisterJson,
  signOffGate,
  soaCsv,
  soaJson,
  soaMarkdown,
  templateOf,
  type ExportProvenance,
} from '../assessments/index.ts';
import { readAssessment } from '../documents/assessment/index.ts';
import { readPolicy } from '../documents/policy/index.ts';
import {
  availableTemplates,
  readApprovals,
  readAssessmentIndex,
  readIncidentRegister,
  readRecordLogs,
  readRegistry,
  readIsmsSoa,
  readOwnControls,
  readRiskErm,
  readRiskRefs,
  readRiskRegister,
  readSoa,
  readTierScheme,
} from '../documents/registry/index.ts';
import { registerCsv, registerJson } from '../inventory/register-export.ts';
import { aimsCsvFiles, aimsJson } from './aims-export.ts';
import { crosswalkCsv, reuseFromIsms } from '../iso27001/index.ts';
import {
  incidentRegisterCsv,
  incidentRegisterJson,
  incidentSystemOf,
} from '../incidents/incident-export.ts';
import { monitoringCsv, monitoringJson, monitoringMarkdown } from './monitoring-export.ts';
import { suppliersCsv, suppliersJson } from './supplier-export.ts';

/**
 * Every export of a workspace as files, from its documents: what `sightline export` writes, made
 * by the same functions the PWA's export buttons call (so a file from either is the same bytes
 * but for who exported it and when). Pure: the caller reads the documents and writes the files.
 */

export const EXPORT_PARTS = [
  'register',
  'risks',
  'soa',
  'assessments',
  'erm',
  'iso27001',
  'monitoring',
  'aims',
  'suppliers',
  'incidents',
] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];
/** What `--what all` writes: every part, each file with its provenance. */
export const ALL_PARTS: readonly ExportPart[] = EXPORT_PARTS;
export const EXPORT_FORMATS = ['csv', 'json', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats each part is written in; the first is its default. */
export const PART_FORMATS: Record<ExportPart, readonly ExportFormat[]> = {
  register: ['csv', 'json'],
  risks: ['csv', 'json'],
  soa: ['md', 'csv', 'json'],
  assessments: ['md', 'html', 'json'],
  aims: ['csv', 'json'],
  /** The risk register for an ERM/GRC import (grc-export.ts). */
  erm: ['csv'],
  /** The 42001 → 27001 crosswalk with this ISMS's reuse (shared/iso27001). */
  iso27001: ['csv'],
  monitoring: ['md', 'csv', 'json'],
  /** The supplier files (A.10): supplier-export.ts. */
  suppliers: ['csv', 'json'],
  /** The incident register with each incident's legal clocks at the time of export (shared/incidents). */
  incidents: ['csv', 'json'],
};

export interface WorkspaceDocuments {
  workspace: string;
  registry: Y.Doc;
  policy: Y.Doc;
  /** Assessment id → its document (those the registry's index lists). */
  assessments: ReadonlyMap<string, Y.Doc>;
  /** Record id → its monitoring document (docs/monitoring.md), for the monitoring export. */
  monitoring?: ReadonlyMap<string, Y.Doc>;
}

export interface ExportedFile {
  name: string;
  text: string;
}

/** A piece of a file name: letters, digits, `_` and `-` only. */
export const fileSafe = (text: string, fallback: string) =>
  text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || fallback;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The file name the PWA gives an export too: `<workspace>-<what>-<day>.<ext>`. */
export const exportFileName = (workspace: string, what: string, at: number, ext: string) =>
  `${fileSafe(workspace, 'sightline')}-${what}-${dayOf(at)}.${ext}`;

export interface ExportWho {
  /** Who exports, in words (`Dana Whitfield (governance lead)`). */
  by: string;
  at: number;
}

function provenanceFor(docs: WorkspaceDocuments, who: ExportWho, read: Y.Doc[]): ExportProvenance {
  return {
    organisation: readPolicy(docs.policy).settings.workspaceName ?? docs.workspace,
    workspace: docs.workspace,
    exportedBy: who.by,
    exportedAt: who.at,
    documentState: documentState(...read),
  };
}

function registerFile(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const { records } = readRegistry(docs.registry);
  const scheme = readTierScheme(docs.registry).scheme;
  const options = {
    provenance: provenanceFor(docs, who, [docs.registry]),
    logs: (id: string) => readRecordLogs(docs.registry, id),
  };
  return {
    name: exportFileName(docs.workspace, 'inventory', who.at, format),
    // A byte-order mark, so that Excel reads the CSV as UTF-8 (as the PWA's download does).
    text:
      format === 'json'
        ? registerJson(records.values(), scheme, options)
        : '\ufeff' + registerCsv(records.values(), scheme, options),
  };
}

function names(docs: WorkspaceDocuments) {
  const { records } = readRegistry(docs.registry);
  const risks = readRiskRegister(docs.registry).risks;
  return {
    risks,
    systems: new Map([...records.values()].map((r) => [r.id, r.name])),
    riskNames: new Map([...risks.values()].map((r) => [r.id, r.description])),
  };
}

function risksFile(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const { risks, systems } = names(docs);
  const provenance = provenanceFor(docs, who, [docs.registry]);
  const refs = readRiskRefs(docs.registry);
  return {
    name: exportFileName(docs.workspace, 'risk-register', who.at, format),
    text:
      format === 'json'
        ? riskRegisterJson(risks.values(), systems, { provenance, refs })
        : riskRegisterCsv(risks.values(), systems, { provenance, refs }),
  };
}

function soaFile(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const { risks, systems, riskNames } = names(docs);
  const soa = readSoa(docs.registry);
  const options = {
    ownControls: readOwnControls(docs.registry).controls,
    risks: risks.values(),
    names: { systems, risks: riskNames },
    provenance: provenanceFor(docs, who, [docs.registry]),
  };
  const text =
    format === 'csv'
      ? soaCsv(soa, options)
      : format === 'json'
        ? soaJson(soa, options)
        : soaMarkdown(soa, options);
  return { name: exportFileName(docs.workspace, 'soa', who.at, format), text };
}

/** Each assessment's signed-off versions and its current draft, as the PWA exports them. */
function assessmentFiles(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const files: ExportedFile[] = [];
  const { records } = readRegistry(docs.registry);
  const approvals = readApprovals(docs.registry).approvals;
  const templates = availableTemplates(docs.registry);
  const index = readAssessmentIndex(docs.registry).assessments;
  for (const entry of [...index].sort(
    (a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1),
  )) {
    const doc = docs.assessments.get(entry.id);
    if (!doc) continue;
    const assessment = readAssessment(doc);
    if (!assessment.meta) continue;
    const record = records.get(assessment.meta.recordId);
    const gate = signOffGate(doc, docs.registry, who.by);
    const common = {
      ...(record ? { systemName: record.name } : {}),
      ...(templateOf(assessment.meta, templates)
        ? { templateTitle: templateOf(assessment.meta, templates)!.title }
        : {}),
      approvals: approvals.get(entry.id) ?? [],
      provenance: provenanceFor(docs, who, [doc, docs.registry]),
    };
    const which: Array<[{ versionId: string } | { draftAt: number }, string]> = [
      ...assessment.versions.map(
        (v) => [{ versionId: v.id }, v.name] as [{ versionId: string }, string],
      ),
      [{ draftAt: who.at }, `draft-${dayOf(who.at)}`],
    ];
    for (const [what, label] of which) {
      const exported = assessmentExport(doc, what, {
        ...common,
        ...('draftAt' in what
          ? {
              register: liveRegisterView(assessment.meta, docs.registry, record),
              reviews: gate.reviews,
            }
          : {}),
      });
      const text =
        format === 'html'
          ? assessmentHtml(exported)
          : format === 'json'
            ? JSON.stringify(
                { ...exported, provenance: jsonProvenanceOf(exported.provenance) },
                null,
                2,
              ) + '\n'
            : assessmentMarkdown(exported);
      files.push({
        name: `${fileSafe(docs.workspace, 'sightline')}-assessment-${fileSafe(exported.title, 'assessment')}-${fileSafe(label, 'version')}.${format}`,
        text,
      });
    }
  }
  return files;
}

/** The management system's registers (ISO/IEC 42001 clauses 4–10): aims-export.ts. */
function aimsFiles(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  if (format === 'json') {
    return [
      {
        name: exportFileName(docs.workspace, 'management-system', who.at, 'json'),
        text: aimsJson(docs.registry, who.at, provenanceFor(docs, who, [docs.registry])),
      },
    ];
  }
  return aimsCsvFiles(docs.registry, who.at, provenanceFor(docs, who, [docs.registry])).map(
    ({ what, text }) => ({
      name: exportFileName(docs.workspace, `aims-${what}`, who.at, 'csv'),
      text,
    }),
  );
}

/** The files of one part in one format (a format the part supports: see PART_FORMATS). */
export function exportPart(
  docs: WorkspaceDocuments,
  part: ExportPart,
  format: ExportFormat,
  who: ExportWho,
): ExportedFile[] {
  if (!PART_FORMATS[part].includes(format)) {
    throw new RangeError(`${part} exports as ${PART_FORMATS[part].join(', ')}, not ${format}`);
  }
  switch (part) {
    case 'register':
      return [registerFile(docs, format, who)];
    case 'risks':
      return [risksFile(docs, format, who)];
    case 'soa':
      return [soaFile(docs, format, who)];
    case 'assessments':
      return assessmentFiles(docs, format, who);
    case 'aims':
      return aimsFiles(docs, format, who);
    case 'erm': {
      const { risks, systems } = names(docs);
      const provenance = provenanceFor(docs, who, [docs.registry]);
      const erm = readRiskErm(docs.registry).erm;
      const text = riskRegisterGrcCsv(risks.values(), erm, systems, { provenance });
      return [{ name: exportFileName(docs.workspace, 'erm-risks', who.at, 'csv'), text }];
    }
    case 'iso27001': {
      const isms = readIsmsSoa(docs.registry);
      const reuse = reuseFromIsms(isms.soa?.rows ?? [], isms.clausesInPlace?.inPlace ?? false);
      const name = exportFileName(docs.workspace, 'iso27001-crosswalk', who.at, 'csv');
      const provenance = provenanceFor(docs, who, [docs.registry]);
      return [{ name, text: crosswalkCsv(reuse, { provenance }) }];
    }
    case 'monitoring':
      return [monitoringFile(docs, format, who)];
    case 'incidents':
      return [incidentsFile(docs, format, who)];
    case 'suppliers': {
      const provenance = provenanceFor(docs, who, [docs.registry]);
      const name = exportFileName(docs.workspace, 'suppliers', who.at, format);
      const text =
        format === 'json'
          ? suppliersJson(docs.registry, provenance)
          : suppliersCsv(docs.registry, provenance);
      return [{ name, text }];
    }
  }
}

/** The register with its clocks computed at the time of export (docs/incidents.md). */
function incidentsFile(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const { records } = readRegistry(docs.registry);
  const systems = new Map([...records.values()].map((r) => [r.id, incidentSystemOf(r)!]));
  const incidents = readIncidentRegister(docs.registry).incidents.values();
  const provenance = provenanceFor(docs, who, [docs.registry]);
  const name = exportFileName(docs.workspace, 'incident-register', who.at, format);
  if (format === 'json')
    return { name, text: incidentRegisterJson(incidents, systems, who.at, provenance) };
  return { name, text: '\ufeff' + incidentRegisterCsv(incidents, systems, who.at, provenance) };
}

function monitoringFile(docs: WorkspaceDocuments, format: ExportFormat, who: ExportWho) {
  const { records } = readRegistry(docs.registry);
  const systems = [...(docs.monitoring ?? new Map<string, Y.Doc>())].flatMap(([id, doc]) => {
    const record = records.get(id);
    return record ? [{ id, name: record.name, doc }] : [];
  });
  const provenance = provenanceFor(docs, who, [docs.registry, ...systems.map((s) => s.doc)]);
  const name = exportFileName(docs.workspace, 'monitoring', who.at, format);
  if (format === 'json') return { name, text: monitoringJson(systems, docs.registry, provenance) };
  if (format === 'md') return { name, text: monitoringMarkdown(systems, provenance) };
  return { name, text: '\ufeff' + monitoringCsv(systems, provenance) };
}
