/** An enumerated value in words: `action-planned` → `Action planned`. */
export function optionWords(value: string): string {
  const words = value.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
