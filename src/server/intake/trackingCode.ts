import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/I/L). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_LENGTH = 10;
const SHAPE = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_LENGTH}}$`);

/** A new random code: 31^10 ≈ 8 × 10^14 possibilities, so codes cannot be guessed. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** A code as a person may type it (lower case, spaces, dashes) → its stored form, or null when it cannot be one. */
export function normalizeTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return SHAPE.test(code) ? code : null;
}
