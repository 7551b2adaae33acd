/** Comparable keys for the contact fields that several checks group people by. */

/** Digits of a bank account (6+ digits), else null. */
export function accountKey(v: string | null): string | null {
  if (v === null) return null;
  const d = v.replace(/\D/g, '');
  return d.length >= 6 && !/^(\d)\1+$/.test(d) ? d : null;
}

/** A Vietnamese phone number as 0xxxxxxxxx (country code +84 removed), else null. */
export function phoneKey(v: string | null): string | null {
  if (v === null) return null;
  let d = v.replace(/\D/g, '');
  if (d.startsWith('84') && d.length >= 11) d = `0${d.slice(2)}`;
  if (!d.startsWith('0')) d = `0${d}`;
  return d.length >= 10 && d.length <= 11 && !/^0(\d)\1+$/.test(d) ? d : null;
}
