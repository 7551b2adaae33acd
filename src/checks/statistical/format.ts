/**
 * Numbers as Vietnamese write them: "." between thousands, "," before decimals (3,1; 1.000; 0,0042).
 * Trailing decimal zeros are dropped.
 */
export function viNumber(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const fixed = Math.abs(x).toFixed(decimals);
  const [intPart = '0', decPart = ''] = fixed.split('.');
  const dec = decPart.replace(/0+$/, '');
  const int = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = x < 0 && (Number(intPart) > 0 || dec !== '') ? '-' : '';
  return `${sign}${int}${dec ? `,${dec}` : ''}`;
}

/** A probability for explanations: "0,003" or "2,1·10⁻⁷" below 0,001. */
export function viProbability(p: number): string {
  if (p >= 0.001) return viNumber(p, 3);
  if (p <= 0) return '0';
  const exp = Math.floor(Math.log10(p));
  const mant = p / 10 ** exp;
  const sup = String(exp).replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.charAt(c === '-' ? 0 : Number(c) + 1));
  return `${viNumber(mant, 1)}·10${sup}`;
}

/** Rounds for evidence: `digits` significant decimals. */
export function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
