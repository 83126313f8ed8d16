/**
 * DIG5 One e-mail address, without display name or list: a local part and a dotted domain, no
 * space, angle bracket, quote, comma, semicolon or control character (nothing that could add a
 * recipient or a header), at most 254 characters (RFC 5321).
 */
const ADDRESS =
  /^[^\s@<>",;:()[\]\\\p{Cc}]+@[^\s@<>",;:()[\]\\\p{Cc}]+\.[^\s@<>",;:()[\]\\\p{Cc}]+$/u;

export const isEmailAddress = (text: string) => text.length <= 254 && ADDRESS.test(text);
