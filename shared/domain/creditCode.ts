/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the code set
 * 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V); the 18th is a check character computed with the
 * weights 3^(i) mod 31 over the first 17.
 */
export const CREDIT_CODE_LENGTH = 18;
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if they contain an invalid character. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check]!;
}

export function isValidCreditCode(code: string): boolean {
  if (code.length !== CREDIT_CODE_LENGTH || !/^[0-9A-HJ-NPQRTUWXY]+$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Completes 17 characters with their check character (used by the demo seed and tests). */
export function withCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`invalid credit code body: ${first17}`);
  return first17 + check;
}
