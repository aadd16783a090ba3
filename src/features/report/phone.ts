/** A phone number as people write it (spaces, dashes, brackets) → digits and a leading +; the server checks it again. */
export const normalizePhone = (text: string) => text.trim().replace(/[\s()-]/g, '');
export const isPhone = (text: string) => /^\+?\d{5,20}$/.test(normalizePhone(text));
