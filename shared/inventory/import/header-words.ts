import type { ImportField } from './columns.ts';

/**
 * Header words per field, in English, Dutch, German and French, as registers write them (the
 * fixtures' README names the registers). Folded before use, so case, accents and punctuation
 * do not matter.
 */
// prettier-ignore
export const HEADER_WORDS: Record<ImportField, string[]> = {
  name: [
    'name', 'tool', 'tool name', 'system', 'system name', 'ai system', 'ai tool', 'application',
    'application name', 'app', 'product', 'product name', 'title', 'use case name',
    'ai use case name', 'name of commercial product or service used', 'naam', 'naam algoritme',
    'naam systeem', 'bezeichnung', 'systemname', 'werkzeug', 'anwendung', 'ki system', 'nom',
    'nom du systeme', 'outil',
  ],
  vendor: [
    'vendor', 'vendor name', 'supplier', 'supplier name', 'external supplier', 'company',
    'manufacturer', 'leverancier', 'naam leverancier', 'anbieter', 'hersteller', 'lieferant',
    'fournisseur', 'editeur',
  ],
  category: [
    'category', 'tool category', 'ai category', 'type', 'kind', 'categorie', 'soort', 'kategorie',
    'typ',
  ],
  purpose: [
    'purpose', 'intended purpose', 'use case', 'use case description', 'description', 'what for',
    'problem solved', 'what problem is the ai intended to solve', 'short description',
    'korte omschrijving', 'omschrijving', 'doel', 'beschreibung', 'zweck', 'verwendungszweck',
    'einsatzzweck', 'anwendungsfall', 'finalite', 'objectif',
  ],
  owner: [
    'owner', 'business owner', 'system owner', 'responsible', 'accountable', 'contact',
    'senior responsible owner', 'contact email', 'email address', 'eigenaar', 'verantwoordelijke',
    'contactgegevens', 'verantwortlich', 'verantwortliche', 'ansprechpartner', 'eigentumer',
    'responsable', 'proprietaire',
  ],
  lifecycle: [
    'lifecycle', 'lifecycle stage', 'lifecycle status', 'deployment status',
    'implementation status', 'project status', 'stage', 'status', 'phase', 'state',
    'stage of development', 'development stage', 'deployment phase', 'levensfase', 'fase',
    'lebenszyklus', 'einsatzstatus', 'stade', 'statut',
  ],
  departments: [
    'departments', 'department', 'team', 'teams', 'business unit', 'business units', 'bureau',
    'bureau component', 'agency bureau', 'agency', 'division', 'organisation', 'organization',
    'organisation name', 'organisation or department', 'organisatie', 'afdeling', 'afdelingen',
    'directie', 'abteilung', 'abteilungen', 'bereich', 'fachbereich', 'organisationseinheit',
    'departement', 'service',
  ],
  userCount: [
    'users', 'user count', 'number of users', 'no of users', 'approx users', 'seats', 'licenses',
    'licences', 'estimated of licenses users', 'headcount', 'gebruikers', 'aantal gebruikers',
    'nutzer', 'anzahl nutzer', 'benutzer', 'anwender', 'utilisateurs', 'nombre d utilisateurs',
  ],
  dataCategories: [
    'data categories', 'data category', 'data types', 'data kinds', 'categories of data',
    'gegevenscategorieen', 'soorten gegevens', 'datenkategorien', 'datenarten',
    'categories de donnees',
  ],
  model: [
    'model', 'underlying model', 'ai model', 'llm', 'foundation model', 'modell', 'modele',
  ],
  provider: [
    'provider', 'model provider', 'modellanbieter', 'fournisseur du modele',
  ],
};
