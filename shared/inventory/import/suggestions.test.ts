import { describe, expect, it } from 'vitest';
import { columnLabels, suggestColumns } from './columns.ts';
import { suggestValue } from './values.ts';

describe('column suggestions from header names', () => {
  it('reads the headers registers and companies write, in several languages', () => {
    const headers = [
      'Tool',
      'Use Case / Description',
      'Status',
      'Approx. # Users',
      'Anbieter',
      'Abteilung',
      'Datenkategorien',
      'Verantwortlich',
      'Modell',
    ];
    expect(suggestColumns(headers)).toEqual([
      'name',
      'purpose',
      'lifecycle',
      'userCount',
      'vendor',
      'departments',
      'dataCategories',
      'owner',
      'model',
    ]);
    expect(
      suggestColumns(['Naam', 'Leverancier', 'Organisatie', 'Status', 'Korte omschrijving']),
    ).toEqual(['name', 'vendor', 'departments', 'lifecycle', 'purpose']);
    expect(suggestColumns(['Nom du système', 'Fournisseur', 'Statut', 'Utilisateurs'])).toEqual([
      'name',
      'vendor',
      'lifecycle',
      'userCount',
    ]);
  });

  it('prefers a whole-header match to a phrase inside a longer header, and gives each field one column', () => {
    // US federal inventory (2025, the agency form's headers): the ATO system's name is not the use case's.
    expect(
      suggestColumns([
        'System(s) Name',
        'Use Case Name',
        'Vendor(s) Name',
        'Stage of Development',
        'Bureau/Component',
      ]),
    ).toEqual(['custom', 'name', 'vendor', 'lifecycle', 'departments']);
    expect(suggestColumns(['2.1.3 Senior responsible owner', 'Contact email'])).toEqual([
      'owner',
      'custom',
    ]);
    expect(suggestColumns(['Name', 'Name', 'Notes'])).toEqual(['name', 'custom', 'custom']);
  });

  it('names blank and repeated headers so every column can be told apart', () => {
    expect(
      columnLabels([
        '\ufeffName',
        '',
        'If Other, please explain.',
        'If Other, please explain.',
        ' a\n b ',
      ]),
    ).toEqual([
      'Name',
      'Column 2',
      'If Other, please explain.',
      'If Other, please explain. (2)',
      'a b',
    ]);
  });
});

describe('value suggestions', () => {
  it.each([
    ['Pre-deployment', 'development'],
    ['a) Pre-deployment – The use case is in a development or acquisition status.', 'development'],
    ['Pilot', 'development'],
    ['Beta/Pilot', 'development'],
    ['In production', 'in-use'],
    ['Deployed', 'in-use'],
    ['Operation and Maintenance', 'in-use'],
    ['Retired', 'retired'],
    ['In gebruik', 'in-use'],
    ['In ontwikkeling', 'development'],
    ['Buiten gebruik', 'retired'],
    ['In Betrieb', 'in-use'],
    ['Pilotphase', 'development'],
    ['Außer Betrieb', 'retired'],
    ['Geplant', 'procurement'],
    ['En production', 'in-use'],
  ])('lifecycle "%s" → %s', (value, target) => {
    expect(suggestValue('lifecycle', value)).toBe(target);
  });

  it('suggests nothing for a value no word fits: the lead decides', () => {
    expect(suggestValue('lifecycle', 'Under review')).toBeUndefined();
    expect(suggestValue('lifecycle', 'TBD')).toBeUndefined();
  });

  it('knows data categories and categories in several languages', () => {
    expect(suggestValue('dataCategories', 'Personenbezogene Daten')).toBe('personal');
    expect(suggestValue('dataCategories', 'persoonsgegevens')).toBe('personal');
    expect(suggestValue('dataCategories', 'PII')).toBe('personal');
    expect(suggestValue('dataCategories', 'Quellcode')).toBe('source-code');
    expect(suggestValue('category', 'Chat assistant')).toBe('chat-assistant');
    expect(suggestValue('category', 'coding-assistant')).toBe('coding-assistant');
  });
});
