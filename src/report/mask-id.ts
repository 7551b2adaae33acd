/**
 * Masks an ID number for people who may not see it in full: the first 3 and last 3 characters stay,
 * the rest become `*`. IDs of 6 characters or fewer are masked entirely, since showing 3 + 3 would show all.
 * @example maskId('001085012345') // '001******345'
 * @example maskId('123456789') // '123***789'
 */
export function maskId(id: string | null): string | null {
  if (id === null) return null;
  const value = id.trim();
  if (value.length === 0) return value;
  if (value.length <= 6) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 6) + value.slice(-3);
}
