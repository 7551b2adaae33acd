import { z } from 'zod';
import { REGISTER_KINDS, SEVERITIES } from '../domain/index.js';
import { CHECK_IDS } from './check-ids.js';

/**
 * The zod schema of a policy package file (`rules/<id>.yaml`). Every policy parameter is a
 * {@link param}: its value plus the legal basis it comes from, and `confirmed: false` where the
 * text could not be checked against the official document (domain.md).
 */

const basis = z.string().min(3);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function param<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    basis,
    confirmed: z.boolean().default(true),
    note: z.string().optional(),
  });
}

/** Fields of a PersonRecord a package may require per role (MISSING_FIELD). */
export const REQUIRED_FIELD_NAMES = [
  'fullName', 'birthDate', 'birthYear', 'gender', 'idNumber', 'householdCode', 'householdHead', 'members',
  'address', 'village', 'communeCode', 'groupCode', 'rate', 'months', 'period', 'amount', 'paidDate',
  'signature', 'bankAccount', 'phone', 'revenue',
] as const;

export const FLAG_NAMES = [
  'ID_LEADING_ZERO_RESTORED', 'ID_AMBIGUOUS_LENGTH', 'ID_SCIENTIFIC_NOTATION', 'ID_INVALID', 'ID_UNKNOWN_PROVINCE',
  'LEGACY_ENCODING_TCVN3', 'LEGACY_ENCODING_VNI', 'ADMIN_UNIT_UNRESOLVED', 'GROUP_UNKNOWN', 'AMOUNT_UNPARSED',
  'DATE_UNPARSED', 'BIRTH_BOTH_GENDER_COLUMNS',
] as const;

const severity = z.enum(SEVERITIES);
const role = z.enum(['payouts', 'beneficiaries']);
/** Roles a data-quality check may read: the lists, and registers such as `register:population`. */
const anyRole = z.enum(['payouts', 'beneficiaries', ...REGISTER_KINDS.map((k) => `register:${k}` as const)]);
const requiredField = z.enum(REQUIRED_FIELD_NAMES);

const groupSchema = z.strictObject({
  legacyCode: z.string().optional(),
  name: z.string().min(3),
  labels: z.array(z.string().min(1)).min(1),
  /** person: one person per row; member: per household member (khẩu); household: per household. */
  unit: z.enum(['person', 'member', 'household']),
  /** once: the whole support paid in one payment; monthly: rate × months actually supported. */
  payment: z.enum(['once', 'monthly']),
  rate: param(z.number().int().positive()),
  maxMonths: param(z.number().int().min(1).max(12)),
  /** Other one-off amounts accepted besides rate × maxMonths (e.g. a half rate for a short suspension). */
  alternativeAmounts: param(z.array(z.number().int().positive())).optional(),
  /** Add-ons accepted on top of the base amount, in whole steps (e.g. +1.000.000 per child under 6). */
  extraStep: param(z.strictObject({ amount: z.number().int().positive(), maxSteps: z.number().int().min(1) })).optional(),
  /** When set, any amount at or above this minimum is accepted (amounts set by provinces). */
  minimumAmount: param(z.number().int().positive()).optional(),
  age: param(z.strictObject({ min: z.number().int().min(0).nullable(), max: z.number().int().positive().nullable() })).optional(),
  eligibility: param(z.strictObject({ from: isoDate, to: isoDate })).optional(),
  poorListDate: param(isoDate).optional(),
  revenueThreshold: param(z.number().int().positive()).optional(),
  basis,
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

const checkSchema = z.strictObject({
  enabled: z.boolean(),
  severity,
  basis,
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
  /** Matcher-based checks: also report 'possible' matches, with `possibleSeverity`. */
  reportPossible: z.boolean().default(false),
  possibleSeverity: severity.default('low'),
  reviewSeverity: severity.optional(),
  underpaidSeverity: severity.optional(),
  tolerance: z.number().min(0).optional(),
  maxAge: z.number().int().positive().optional(),
  minHouseholds: z.number().int().min(2).optional(),
  flags: z.array(z.enum(FLAG_NAMES)).optional(),
  roles: z.array(anyRole).optional(),
  /** Per role, fields that must be filled; a nested list means "at least one of these". */
  requiredFields: z.partialRecord(role, z.array(z.union([requiredField, z.array(requiredField).min(2)]))).optional(),
  /** Free numeric thresholds for checks of other modules (statistical). */
  thresholds: z.record(z.string(), z.number()).optional(),
});

export const packageSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    title: z.string().min(3),
    legalBasis: z
      .array(
        z.strictObject({
          code: z.string().min(1),
          title: z.string().min(3),
          date: isoDate,
          confirmed: z.boolean().default(true),
          note: z.string().optional(),
        }),
      )
      .min(1),
    period: param(z.strictObject({ from: month, to: month })),
    paymentWindow: param(z.strictObject({ from: isoDate, to: isoDate })),
    groups: z.record(z.string().regex(/^[A-Z0-9_]+$/), groupSchema),
    exclusivity: z.array(
      z.strictObject({
        id: z.string().min(1),
        groups: z.array(z.string()).min(2),
        severity,
        basis,
        confirmed: z.boolean().default(true),
        note: z.string().optional(),
      }),
    ),
    combinations: z
      .array(
        z.strictObject({
          groups: z.array(z.string()).min(2),
          treatment: z.enum(['allowed', 'review']),
          basis,
          confirmed: z.boolean().default(true),
          note: z.string().optional(),
        }),
      )
      .default([]),
    registerExclusions: z.array(
      z.strictObject({
        register: z.enum(REGISTER_KINDS),
        groups: z.array(z.string()).min(1),
        basis,
        confirmed: z.boolean().default(true),
        note: z.string().optional(),
      }),
    ),
    matching: z.strictObject({
      /** Total log2 match weight from which two records are one person (src/match). */
      matchThreshold: z.number(),
      /** Total log2 match weight from which two records may be one person (review). */
      possibleThreshold: z.number(),
    }),
    checks: z.partialRecord(z.enum(CHECK_IDS), checkSchema),
  })
  .superRefine((pkg, ctx) => {
    const known = new Set(Object.keys(pkg.groups));
    const checkGroups = (list: readonly string[], path: (string | number)[]) => {
      list.forEach((g, i) => {
        if (!known.has(g)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            message: `nhóm "${g}" không có trong "groups" (các nhóm đã khai báo: ${[...known].join(', ')})`,
          });
        }
      });
    };
    pkg.exclusivity.forEach((e, i) => checkGroups(e.groups, ['exclusivity', i, 'groups']));
    pkg.combinations.forEach((c, i) => checkGroups(c.groups, ['combinations', i, 'groups']));
    pkg.registerExclusions.forEach((r, i) => checkGroups(r.groups, ['registerExclusions', i, 'groups']));
    if (pkg.matching.possibleThreshold > pkg.matching.matchThreshold) {
      ctx.addIssue({
        code: 'custom',
        path: ['matching', 'possibleThreshold'],
        message: `ngưỡng "có thể trùng" (${pkg.matching.possibleThreshold}) không được lớn hơn ngưỡng "trùng" (${pkg.matching.matchThreshold})`,
      });
    }
    if (pkg.period.value.from > pkg.period.value.to) {
      ctx.addIssue({ code: 'custom', path: ['period', 'value', 'from'], message: 'tháng bắt đầu sau tháng kết thúc' });
    }
    if (pkg.paymentWindow.value.from > pkg.paymentWindow.value.to) {
      ctx.addIssue({ code: 'custom', path: ['paymentWindow', 'value', 'from'], message: 'ngày bắt đầu sau ngày kết thúc' });
    }
  });

/** A validated policy package. */
export type PackageRules = z.output<typeof packageSchema>;
export type GroupRules = PackageRules['groups'][string];
export type CheckRules = z.output<typeof checkSchema>;
export type Param<T> = { readonly value: T; readonly basis: string; readonly confirmed: boolean; readonly note?: string | undefined };
