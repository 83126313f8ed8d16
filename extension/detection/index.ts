/**
 * Browser events in, sightings out: pure functions over the matcher, no browser API. Only
 * hostnames ever leave them (see privacy.test.ts).
 */
export { sightingFromNavigation, type NavigationDetails } from './navigation.ts';
export { sightingFromRequest, type RequestDetails } from './request.ts';
export {
  cleanName,
  sightingsFromExtensions,
  type ExtensionConfidence,
  type ExtensionSighting,
  type InstalledExtension,
} from './extensions.ts';
export { judgeExtensionText, type TextConfidence, type TextVerdict } from './extension-signals.ts';
export { eventTime, webHostname } from './hostname.ts';
