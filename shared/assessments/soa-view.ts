import {
  riskScore,
  type Risk,
  type SoaEntry,
  type StatementOfApplicability,
} from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { ANNEX_A_CONTROLS } from '../iso42001/index.ts';

/**
 * One source of truth across the modules (docs/assessments.md, M1–M3): the risks a system has,
 * and the Annex A controls the register's risks call for, are read here and only here — by the
 * SoA page, the risk register, a record's page, the pre-filled sections, the sign-off checks
 * and every export — so no two screens can disagree.
 */

/** The risks naming a system, highest score first (then by id). */
export function risksOfSystem(risks: Iterable<Risk>, recordId: string): Risk[] {
  return [...risks]
    .filter((risk) => risk.systemIds.includes(recordId))
    .sort(
      (a, b) =>
        riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
        byCodeUnit(a.id, b.id),
    );
}

/** A control's entry as every screen shows it: the stored decision plus what the risks add. */
export interface SoaViewEntry extends SoaEntry {
  /** The register's risks that name this control: the reason for its inclusion (by id). */
  riskReasons: string[];
  /** No lead decided it: it is included because a risk's treatment names it. */
  fromRisks: boolean;
  /** A lead marked it not applicable while a risk's treatment names it. */
  conflict: boolean;
}

export interface SoaView extends StatementOfApplicability {
  entries: Map<string, SoaViewEntry>;
}

const union = (a: readonly string[], b: readonly string[]) =>
  [...new Set([...a, ...b])].sort(byCodeUnit);

/**
 * The Statement of Applicability with the risk register folded in: a control a risk names is
 * included (applicable, not started) until a lead decides it, its risks and their systems are
 * listed with it, and a "not applicable" a risk contradicts is flagged. The stored entries are
 * never changed: a lead's decision still stands as written.
 */
export function soaView(soa: StatementOfApplicability, risks: Iterable<Risk>): SoaView {
  const reasons = new Map<string, Risk[]>();
  for (const risk of risks) {
    for (const control of risk.controls) {
      const list = reasons.get(control) ?? [];
      list.push(risk);
      reasons.set(control, list);
    }
  }
  const entries = new Map<string, SoaViewEntry>();
  for (const control of ANNEX_A_CONTROLS) {
    const stored = soa.entries.get(control.id);
    const named = (reasons.get(control.id) ?? []).sort((a, b) => byCodeUnit(a.id, b.id));
    const riskIds = named.map((r) => r.id);
    const riskSystems = named.flatMap((r) => r.systemIds);
    if (stored) {
      entries.set(control.id, {
        ...stored,
        risks: union(stored.risks, riskIds),
        systems: union(stored.systems, riskSystems),
        riskReasons: riskIds,
        fromRisks: false,
        conflict: !stored.applicable && riskIds.length > 0,
      });
    } else if (named.length > 0) {
      entries.set(control.id, {
        controlId: control.id,
        applicable: true,
        implementation: 'not-started',
        evidence: [],
        systems: union([], riskSystems),
        risks: riskIds,
        updatedBy: '',
        updatedAt: 0,
        riskReasons: riskIds,
        fromRisks: true,
        conflict: false,
      });
    }
  }
  return { entries, problems: soa.problems };
}
