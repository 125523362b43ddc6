// The password an admin hands to a person once (a new account, a reset): long, random, and
// without letters that look alike when read aloud or copied by hand (0/O, 1/l/I).
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from 56: about 116 bits, drawn without modulo bias. */
export function generateOneTimePassword(length = 20): string {
  const chars: string[] = [];
  const limit = 256 - (256 % alphabet.length);
  while (chars.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && chars.length < length) chars.push(alphabet[byte % alphabet.length]!);
    }
  }
  return chars.join('');
}
