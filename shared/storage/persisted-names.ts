/**
 * Every name that Sightline persists anywhere: IndexedDB databases, Dexie tables, extension
 * storage keys, the relay's data files. One list, so that a rename or a clean-up never misses
 * one and two features never collide on a name. Adding persisted state starts here.
 */
export const persistedNames = {
  /** The PWA's own local database (Dexie): device-only state, never synced. */
  pwaDatabase: 'sightline-pwa',
  pwaTables: {
    /** Settings that belong to this device: workspace credentials, UI preferences. */
    deviceSettings: 'deviceSettings',
  },
  /** Keys of rows in the PWA's deviceSettings table (per workspace: `<key>:<workspace>`). */
  pwaDeviceKeys: {
    /** The signed-in workspace's credentials (one row, not per workspace). */
    credentials: 'credentials',
    /** The inventory's saved views (filters, sort, columns). */
    savedViews: 'savedViews',
    /** When this device last looked at the inbox: discoveries after it are "new since I last looked". */
    inboxLastLooked: 'inboxLastLooked',
    /** This device's theme: system, light or dark (one per device, not per workspace). */
    theme: 'theme',
    /** Inventory import mappings confirmed on this device, by the file's headers (per workspace). */
    inventoryImportMappings: 'inventoryImportMappings',
    /** Which notifications this device marked read: [id, read at] pairs (per workspace). */
    notificationsRead: 'notificationsRead',
  },
  /** y-indexeddb database names are derived per Yjs document: prefix + document name. */
  yIndexedDbPrefix: 'sightline-ydoc:',
  /** The extension's local database (Dexie): the raw event log and the employee's ledger. */
  extensionDatabase: 'sightline-extension',
  extensionTables: {
    sightings: 'sightings',
  },
  /** chrome.storage.local keys of the extension. */
  extensionStorageKeys: {
    enrolment: 'enrolment',
    installedAt: 'installedAt',
    /** Epoch ms of the relay's last acknowledgement of this extension's report. */
    lastSyncAt: 'lastSyncAt',
    /** Flags made before they could be written into the report (not enrolled yet, or offline at start). */
    pendingFlags: 'pendingFlags',
    /** Concerns sent from the popup before they could be written into the report. */
    pendingConcerns: 'pendingConcerns',
    /** toolKey → the UTC day its banner was dismissed. */
    bannerDismissals: 'bannerDismissals',
    /** AI policy acknowledgements made in the panel before they were written into the report. */
    pendingPolicyAcks: 'pendingPolicyAcks',
    /** Kinds of signed-in account (corporate, personal, unknown) per tool, never an address, before the report has them. */
    pendingAccountKinds: 'pendingAccountKinds',
    /** The AI policy panel put off ("Not now"): { versionId, day } — it returns the next day. */
    policyPanelSnooze: 'policyPanelSnooze',
    /** Why the last enrolment by the browser's policy failed: { message, at }; absent when it did not. */
    policyEnrolmentError: 'policyEnrolmentError',
    /** Retries of a failed enrolment by policy since the last start-up or policy change (a count). */
    policyEnrolmentRetries: 'policyEnrolmentRetries',
  },
  /** Files inside the relay's data folder. */
  relayFiles: {
    database: 'sightline.sqlite',
    signingSecret: 'signing-secret',
    /** The first admin's join link, when `sightline serve` does not run in a terminal (0600). */
    firstAdminLink: 'first-admin-link.txt',
    /** One file per serving relay process (its pid and URL): `restore` refuses to run meanwhile. */
    relayLocks: 'relays',
  },
} as const;

/** The IndexedDB database name y-indexeddb uses for one Yjs document. */
export function yIndexedDbName(documentName: string): string {
  return persistedNames.yIndexedDbPrefix + documentName;
}
