import type { Category } from '../../catalog/schema.ts';
import type { Lifecycle } from '../../documents/registry/index.ts';
import type { DataCategory } from '../../documents/schema/values.ts';

/**
 * Words per value, in English, Dutch, German and French. Lifecycle follows the US federal
 * inventory's stages (Pre-deployment, Pilot, Deployed, Retired — and 2024's Initiated …
 * Operation and Maintenance), the UK ATRS phases (Pre-deployment, Beta/Pilot, Production,
 * Retired) and the Dutch register's statuses (In ontwikkeling, In gebruik, Buiten gebruik).
 */
// prettier-ignore
export const LIFECYCLE_WORDS: Record<Lifecycle, string[]> = {
  procurement: [
    'procurement', 'procuring', 'in procurement', 'evaluation', 'evaluating', 'proposed', 'planned',
    'planning', 'initiated', 'trial', 'aanbesteding', 'inkoop', 'verkenning', 'gepland',
    'beschaffung', 'geplant', 'in planung', 'evaluierung', 'achat', 'en evaluation', 'prevu',
  ],
  development: [
    'development', 'in development', 'developing', 'building', 'pilot', 'piloting', 'testing',
    'beta', 'beta pilot', 'pre deployment', 'predeployment', 'proof of concept', 'poc',
    'acquisition and or development', 'implementation and assessment', 'in ontwikkeling',
    'ontwikkeling', 'pilotfase', 'proef', 'in entwicklung', 'entwicklung', 'pilotphase',
    'pilotbetrieb', 'erprobung', 'testphase', 'en developpement', 'en test', 'experimentation',
  ],
  'in-use': [
    'in use', 'inuse', 'live', 'production', 'in production', 'active', 'deployed', 'used',
    'operational', 'operation and maintenance', 'in gebruik', 'productie', 'actief', 'in betrieb',
    'produktiv', 'im einsatz', 'aktiv', 'en production', 'deploye', 'en service',
  ],
  retired: [
    'retired', 'decommissioned', 'discontinued', 'sunset', 'inactive', 'no longer used', 'archived',
    'buiten gebruik', 'uitgefaseerd', 'gestopt', 'ausser betrieb', 'eingestellt', 'stillgelegt',
    'abgeschaltet', 'retire', 'arrete', 'hors service',
  ],
};

// prettier-ignore
export const CATEGORY_WORDS: Partial<Record<Category, string[]>> = {
  'chat-assistant': [
    'chatbot', 'chat', 'assistant', 'ai assistant', 'generative ai assistant',
  ],
  'coding-assistant': [
    'code assistant', 'coding', 'code generation', 'developer tool',
  ],
  'meeting-notes': [
    'transcription', 'meeting assistant', 'note taker',
  ],
  'productivity-suite-ai': [
    'office ai', 'productivity', 'productivity suite',
  ],
};

// prettier-ignore
export const DATA_WORDS: Record<DataCategory, string[]> = {
  personal: [
    'personal', 'personal data', 'pii', 'personally identifiable information', 'persoonsgegevens',
    'bijzondere persoonsgegevens', 'personenbezogene daten', 'personendaten',
    'donnees personnelles',
  ],
  customer: [
    'customer', 'customer data', 'client data', 'klantgegevens', 'kundendaten', 'donnees clients',
  ],
  'source-code': [
    'source code', 'code', 'broncode', 'quellcode', 'code source',
  ],
  financial: [
    'financial', 'finance', 'financial data', 'financiele gegevens', 'finanzdaten',
    'donnees financieres',
  ],
  health: [
    'health', 'health data', 'medical', 'gezondheidsgegevens', 'gesundheitsdaten',
    'donnees de sante',
  ],
  confidential: [
    'confidential', 'confidential data', 'internal', 'secret', 'vertrouwelijk', 'vertraulich',
    'intern', 'confidentiel',
  ],
  none: [
    'none', 'no data', 'geen', 'keine', 'aucune',
  ],
};
