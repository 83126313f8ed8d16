/**
 * How the import compares words people write: headers, enumerated values, tool and vendor names.
 * Case, accents, punctuation and spacing never matter ("Außer Betrieb" = "ausser betrieb",
 * "Vendor(s) Name" = "vendor name", "Microsoft-365 Copilot" = "microsoft 365 copilot").
 */

/** Lower case, accents dropped, ß as ss, "(s)" plurals dropped, anything else than letters and digits as one space. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replace(/\(s\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The identity of a name: its folded words without spaces ("M365-Copilot" = "m365 copilot"). */
export const identityKey = (text: string) => foldWords(text).replaceAll(' ', '');

/** Whether `phrase` (folded) occurs in `words` (folded) as whole words. */
export function hasPhrase(words: string, phrase: string): boolean {
  return ` ${words} `.includes(` ${phrase} `);
}
