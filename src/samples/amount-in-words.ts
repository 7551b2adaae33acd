const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', ' nghìn', ' triệu', ' tỷ'];

/** Reads a group of three digits; `full` forces "không trăm" / "lẻ" as inside a longer number. */
function readTriple(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const parts: string[] = [];
  if (hundreds > 0 || full) parts.push(`${DIGITS[hundreds] ?? ''} trăm`);
  if (tens > 1) {
    parts.push(`${DIGITS[tens] ?? ''} mươi`);
    if (units === 1) parts.push('mốt');
    else if (units === 5) parts.push('lăm');
    else if (units === 4) parts.push('tư');
    else if (units > 0) parts.push(DIGITS[units] ?? '');
  } else if (tens === 1) {
    parts.push('mười');
    if (units === 5) parts.push('lăm');
    else if (units > 0) parts.push(DIGITS[units] ?? '');
  } else if (units > 0) {
    if (hundreds > 0 || full) parts.push('lẻ');
    parts.push(DIGITS[units] ?? '');
  }
  return parts.join(' ');
}

/**
 * Writes a whole VND amount in Vietnamese words, as on the "Bằng chữ" line under a payout total.
 * @example amountInWords(1_500_000) === 'Một triệu năm trăm nghìn đồng chẵn'
 */
export function amountInWords(amount: number): string {
  let n = Math.round(Math.abs(amount));
  if (n === 0) return 'Không đồng';
  const groups: number[] = [];
  while (n > 0) {
    groups.push(n % 1000);
    n = Math.floor(n / 1000);
  }
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    words.push(readTriple(g, i < groups.length - 1) + (SCALES[i] ?? ''));
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng chẵn`;
}

/** Formats an amount with "." thousands separators: 1500000 → "1.500.000". */
export function formatDotted(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
