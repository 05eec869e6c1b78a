/**
 * Weights in the person's unit: every weight the page shows or reads goes through here,
 * with the unit as a parameter (the profile's `weightUnit`).
 * The API stores and serves kilograms; a weight typed in pounds is converted and rounded
 * to kg's served precision (3 decimals) before it is sent (docs/dashboard.md).
 */

import { MISSING, number } from "./format";

export type WeightUnit = "KG" | "LB";

/** Kilograms in a pound, exactly (the international avoirdupois pound). */
export const KG_PER_LB = 0.45359237;

/** The stored range of a weight, kg (docs/formats.md). */
export const WEIGHT_RANGE_KG = { min: 20, max: 400 } as const;

/** The unit's symbol as shown after a number. */
export function unitSymbol(unit: WeightUnit): string {
  return unit === "LB" ? "lb" : "kg";
}

/** A weight (or a change of weight) in kg, expressed in `unit`, unrounded. */
export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === "LB" ? kg / KG_PER_LB : kg;
}

/** A weight typed in `unit`, in kg rounded to the API's 3 decimals. */
export function toKg(value: number, unit: WeightUnit): number {
  const kg = unit === "LB" ? value * KG_PER_LB : value;
  return Math.round(kg * 1000) / 1000;
}

/** The bare number in `unit`, 1 decimal: `72.4`, `+0.3`. */
export function weightNumber(kg: number | null | undefined, unit: WeightUnit, signed = false): string {
  if (kg === null || kg === undefined) return MISSING;
  return number(fromKg(kg, unit), "kg", signed);
}

/** The weight with its unit: `72.4 kg`, `159.6 lb`, `-0.4 lb`. */
export function weight(kg: number | null | undefined, unit: WeightUnit, signed = false): string {
  if (kg === null || kg === undefined) return MISSING;
  return `${weightNumber(kg, unit, signed)} ${unitSymbol(unit)}`;
}

/** A rate of weight change in kg a week, in `unit` a week, 2 decimals: `-0.42 kg/week`. */
export function weightRate(kgPerWeek: number | null | undefined, unit: WeightUnit): string {
  if (kgPerWeek === null || kgPerWeek === undefined) return MISSING;
  return `${number(fromKg(kgPerWeek, unit), "rate", true)} ${unitSymbol(unit)}/week`;
}

/**
 * The allowed range in `unit`, as typed values: the kg bounds converted and rounded
 * inwards to 1 decimal, so every value inside it is stored.
 */
export function weightRange(unit: WeightUnit): { min: number; max: number } {
  const min = Math.ceil(fromKg(WEIGHT_RANGE_KG.min, unit) * 10) / 10;
  const max = Math.floor(fromKg(WEIGHT_RANGE_KG.max, unit) * 10) / 10;
  return { min, max };
}

/** The unit a profile shows weights in (`Profile.weightUnit`). */
export function unitOf(profile: { weightUnit: WeightUnit }): WeightUnit {
  return profile.weightUnit;
}
