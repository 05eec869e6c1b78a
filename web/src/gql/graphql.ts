/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The values of one day to set; the same rules as CSV cells (docs/formats.md). */
export type DailyMetricInput = {
  /** The calendar day, from 1900-01-01 to tomorrow (UTC). */
  date: string;
  /** Energy eaten, kcal, 0–20000. Left out: the stored value is kept; null: it is cleared. */
  kcalIn?: number | null | undefined;
  /** The junk-food part of kcalIn, kcal, at most kcalIn, 0–20000. Left out: the stored value is kept; null: it is cleared. */
  kcalJunkIn?: number | null | undefined;
  /** Training energy, kcal, 0–10000. Left out: the stored value is kept; null: it is cleared. */
  kcalOutTraining?: number | null | undefined;
  /** Protein eaten, grams, 0–1000. Left out: the stored value is kept; null: it is cleared. */
  proteinG?: number | null | undefined;
  /** Sleep, hours, 0–24. Left out: the stored value is kept; null: it is cleared. */
  sleepHours?: number | null | undefined;
  /** Steps walked, 0–100000. Left out: the stored value is kept; null: it is cleared. */
  steps?: number | null | undefined;
  /** Self-rated stress, 1–10. Left out: the stored value is kept; null: it is cleared. */
  stress?: number | null | undefined;
  /** Waist circumference, cm, 30–250. Left out: the stored value is kept; null: it is cleared. */
  waistCm?: number | null | undefined;
  /** Body weight, kg, 20–400. Left out: the stored value is kept; null: it is cleared. */
  weightKg?: number | null | undefined;
};

/** How to read a date such as 03/04/2025 whose order the file does not state. */
export type DateOrder =
  /** Detect the order from the file's dates; ambiguous files are refused. */
  | 'AUTO'
  /** Day, month, year. */
  | 'DMY'
  /** Month, day, year. */
  | 'MDY'
  /** Year, month, day. */
  | 'YMD';

/** The app an import comes from (docs/imports/index.md); AUTO is input only (recognise by signature), UNKNOWN output only, HUB the canonical CSV. */
export type ImportSource =
  /** An Apple Health export (XML or its ZIP). */
  | 'APPLE_HEALTH'
  /** Input only: recognise the format by its signature. */
  | 'AUTO'
  /** A Cronometer export. */
  | 'CRONOMETER'
  /** A Fitbit export. */
  | 'FITBIT'
  /** A Garmin Connect export. */
  | 'GARMIN'
  /** A Google Fit (Takeout) export. */
  | 'GOOGLE_FIT'
  /** This hub's canonical CSV (docs/formats.md). */
  | 'HUB'
  /** A MyFitnessPal export. */
  | 'MYFITNESSPAL'
  /** An Oura export. */
  | 'OURA'
  /** A Renpho body-scale export. */
  | 'RENPHO'
  /** Output only: no format was recognised. */
  | 'UNKNOWN'
  /** A WHOOP export. */
  | 'WHOOP'
  /** A Withings export. */
  | 'WITHINGS';

/** The outcome of an upload. */
export type IngestionStatus =
  /** At least one day was inserted or changed. */
  | 'APPLIED'
  /** Nothing was stored; errors say why. */
  | 'REJECTED'
  /** The file was valid and equal to what was stored. */
  | 'UNCHANGED';

/** What an upload does with a file that has invalid rows. */
export type InvalidRowPolicy =
  /** Store nothing when any row is invalid (the default). */
  | 'REJECT_FILE'
  /** Store the valid rows and report the invalid ones. */
  | 'SKIP_ROW';

/** The length of a summary period. */
export type Period =
  /** Calendar month. */
  | 'MONTH'
  /** ISO week, Monday to Sunday. */
  | 'WEEK';

/** The profile fields to change; fields left out keep their value. */
export type ProfileInput = {
  /** Multiplier of BMR, 1–3. Left out: unchanged. */
  activityFactor?: number | null | undefined;
  /** Target daily energy balance, kcal, -5000–5000. Left out: unchanged. */
  balanceGoalKcal?: number | null | undefined;
  /** Birth date, 1900-01-01 to today. Left out: unchanged. Null clears it. */
  birthDate?: string | null | undefined;
  /** Planned rate of weight change, kg a week, -1.5–1, negative to lose. It sets targetKcalIn (rate · 7,700 / 7 kcal a day from the expenditure). Left out: unchanged. Null clears it: the target is then the expenditure (maintain). */
  goalRateKgPerWeek?: number | null | undefined;
  /** Goal weight, kg, 20–400 (a client showing pounds converts). Left out: unchanged. Null clears it: no goal, so no goalEtaDate, and the intake target keeps the rate open-ended. */
  goalWeightKg?: number | null | undefined;
  /** Height, cm, 50–300. Left out: unchanged. Null clears it (the KPIs that need it are then null). */
  heightCm?: number | null | undefined;
  /** Protein target, g per kg of body weight, 0–5. Left out: unchanged. */
  proteinTargetGPerKg?: number | null | undefined;
  /** Sex for the BMR formula. Left out: unchanged. Null clears it. */
  sex?: Sex | null | undefined;
  /** Target sleep, hours, 0–24. Left out: unchanged. */
  sleepTargetHours?: number | null | undefined;
  /** Daily steps goal, 1–100000. Left out: unchanged. */
  stepsGoal?: number | null | undefined;
  /** An IANA time zone name such as Europe/Berlin or UTC: the day a UTC-stamped imported record belongs to. Changes no stored data. Left out: unchanged. Null or an unknown name is refused. */
  timeZone?: string | null | undefined;
  /** How weights are shown, and the unit of an imported weight whose file states none. Changes no stored data. Left out: unchanged. Null is refused. */
  weightUnit?: WeightUnit | null | undefined;
};

/** Sex, as the BMR formula (Mifflin-St Jeor) distinguishes it. */
export type Sex =
  /** Female: BMR − 161 kcal. */
  | 'FEMALE'
  /** Male: BMR + 5 kcal. */
  | 'MALE';

/** The unit of a weight column whose unit the file does not state. */
export type WeightUnit =
  /** Kilograms. */
  | 'KG'
  /** Pounds (converted to kilograms when stored). */
  | 'LB';

export type ExportDaysQueryVariables = Exact<{
  start: string;
  end: string;
}>;


export type ExportDaysQuery = { dailyMetrics: Array<{ date: string, steps: number | null, proteinG: number | null, kcalIn: number | null, kcalJunkIn: number | null, kcalOutTraining: number | null, sleepHours: number | null, stress: number | null, weightKg: number | null, waistCm: number | null }> };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { dataRange: { firstDate: string | null, lastDate: string | null, daysLogged: number }, profile: { sex: Sex | null, birthDate: string | null, heightCm: number | null, activityFactor: number, stepsGoal: number, proteinTargetGPerKg: number, balanceGoalKcal: number, sleepTargetHours: number, goalWeightKg: number | null, goalRateKgPerWeek: number | null, weightUnit: WeightUnit, timeZone: string, isDefault: boolean } };

export type SeriesQueryVariables = Exact<{
  start: string;
  end: string;
}>;


export type SeriesQuery = { kpis: Array<{ date: string, weightTrend: number | null, goalEtaDate: string | null, targetKcalIn: number | null, balanceKcal: number | null, balance7dAvg: number | null, steps7dAvg: number | null, sleep7dAvg: number | null, expenditureKcal: number | null, expenditureLowKcal: number | null, expenditureHighKcal: number | null }>, dailyMetrics: Array<{ date: string, weightKg: number | null, kcalIn: number | null, steps: number | null, sleepHours: number | null }> };

export type EntryFieldsFragment = { date: string, weightKg: number | null, kcalIn: number | null, steps: number | null, sleepHours: number | null };

export type DayEntryQueryVariables = Exact<{
  day: string;
}>;


export type DayEntryQuery = { dailyMetrics: Array<{ date: string, weightKg: number | null, kcalIn: number | null, steps: number | null, sleepHours: number | null }> };

export type SaveDayMutationVariables = Exact<{
  input: DailyMetricInput;
}>;


export type SaveDayMutation = { upsertDailyMetric: { date: string, weightKg: number | null, kcalIn: number | null, steps: number | null, sleepHours: number | null } };

export type DeleteDayMutationVariables = Exact<{
  day: string;
}>;


export type DeleteDayMutation = { deleteDailyMetrics: number };

export type LatestDayQueryVariables = Exact<{
  day: string;
  since: string;
  monday: string;
}>;


export type LatestDayQuery = { recent: Array<{ date: string, weightKg: number | null, kcalIn: number | null }>, recentKpis: Array<{ date: string, weightTrend: number | null }>, kpis: Array<{ weightTrend: number | null, weightTrendChange7d: number | null, weightRateKgPerWeek: number | null, goalEtaDate: string | null, targetKcalIn: number | null, energyBalanceKcal: number | null, energyBalance7dAvg: number | null, balance7dAvg: number | null, balance7dDays: number, proteinPerKg: number | null, steps7dAvg: number | null, sleep7dAvg: number | null, expenditureKcal: number | null, expenditureLowKcal: number | null, expenditureHighKcal: number | null }>, dailyMetrics: Array<{ weightKg: number | null, steps: number | null, sleepHours: number | null }>, week: Array<{ kcalInAvg: number | null }> };

export type ProfileFieldsFragment = { sex: Sex | null, birthDate: string | null, heightCm: number | null, activityFactor: number, stepsGoal: number, proteinTargetGPerKg: number, balanceGoalKcal: number, sleepTargetHours: number, goalWeightKg: number | null, goalRateKgPerWeek: number | null, weightUnit: WeightUnit, timeZone: string, isDefault: boolean };

export type UpdateProfileMutationVariables = Exact<{
  input: ProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { sex: Sex | null, birthDate: string | null, heightCm: number | null, activityFactor: number, stepsGoal: number, proteinTargetGPerKg: number, balanceGoalKcal: number, sleepTargetHours: number, goalWeightKg: number | null, goalRateKgPerWeek: number | null, weightUnit: WeightUnit, timeZone: string, isDefault: boolean } };

export type SummariesQueryVariables = Exact<{
  start: string;
  end: string;
  period: Period;
}>;


export type SummariesQuery = { kpiSummary: Array<{ periodStart: string, periodEnd: string, daysLogged: number, weightAvg: number | null, weightTrendEnd: number | null, balanceAvg: number | null, stepsAvg: number | null, stepsGoalRate: number | null, proteinPerKgAvg: number | null, sleepAvg: number | null }> };

export type ReportFieldsFragment = { id: string, filename: string | null, status: IngestionStatus, createdAt: string, rowsRead: number, rowsInserted: number, rowsUpdated: number, rowsUnchanged: number, rowsRejected: number, rowsDeleted: number, source: ImportSource, dryRun: boolean, firstDate: string | null, lastDate: string | null, kpiDaysRecomputed: number, columns: Array<string>, warnings: Array<string>, errorCount: number, errors: Array<{ row: number | null, column: string | null, value: string | null, message: string }> };

export type IngestionsQueryVariables = Exact<{
  limit: number;
}>;


export type IngestionsQuery = { ingestions: Array<{ id: string, filename: string | null, status: IngestionStatus, createdAt: string, rowsRead: number, rowsInserted: number, rowsUpdated: number, rowsUnchanged: number, rowsRejected: number, rowsDeleted: number, source: ImportSource, dryRun: boolean, firstDate: string | null, lastDate: string | null, kpiDaysRecomputed: number, columns: Array<string>, warnings: Array<string>, errorCount: number, errors: Array<{ row: number | null, column: string | null, value: string | null, message: string }> }> };

export type ImportFileMutationVariables = Exact<{
  file: File;
  onInvalidRow: InvalidRowPolicy;
  dateOrder: DateOrder;
  dryRun: boolean;
}>;


export type ImportFileMutation = { importFile: { id: string, filename: string | null, status: IngestionStatus, createdAt: string, rowsRead: number, rowsInserted: number, rowsUpdated: number, rowsUnchanged: number, rowsRejected: number, rowsDeleted: number, source: ImportSource, dryRun: boolean, firstDate: string | null, lastDate: string | null, kpiDaysRecomputed: number, columns: Array<string>, warnings: Array<string>, errorCount: number, errors: Array<{ row: number | null, column: string | null, value: string | null, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}
    `, {"fragmentName":"EntryFields"}) as unknown as TypedDocumentString<EntryFieldsFragment, unknown>;
export const ProfileFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}
    `, {"fragmentName":"ProfileFields"}) as unknown as TypedDocumentString<ProfileFieldsFragment, unknown>;
export const ReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  rowsDeleted
  source
  dryRun
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}
    `, {"fragmentName":"ReportFields"}) as unknown as TypedDocumentString<ReportFieldsFragment, unknown>;
export const ExportDaysDocument = new TypedDocumentString(`
    query ExportDays($start: Date!, $end: Date!) {
  dailyMetrics(start: $start, end: $end) {
    date
    steps
    proteinG
    kcalIn
    kcalJunkIn
    kcalOutTraining
    sleepHours
    stress
    weightKg
    waistCm
  }
}
    `) as unknown as TypedDocumentString<ExportDaysQuery, ExportDaysQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview {
  dataRange {
    firstDate
    lastDate
    daysLogged
  }
  profile {
    ...ProfileFields
  }
}
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const SeriesDocument = new TypedDocumentString(`
    query Series($start: Date!, $end: Date!) {
  kpis(start: $start, end: $end) {
    date
    weightTrend
    goalEtaDate
    targetKcalIn
    balanceKcal
    balance7dAvg
    steps7dAvg
    sleep7dAvg
    expenditureKcal
    expenditureLowKcal
    expenditureHighKcal
  }
  dailyMetrics(start: $start, end: $end) {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
}
    `) as unknown as TypedDocumentString<SeriesQuery, SeriesQueryVariables>;
export const DayEntryDocument = new TypedDocumentString(`
    query DayEntry($day: Date!) {
  dailyMetrics(start: $day, end: $day) {
    ...EntryFields
  }
}
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}`) as unknown as TypedDocumentString<DayEntryQuery, DayEntryQueryVariables>;
export const SaveDayDocument = new TypedDocumentString(`
    mutation SaveDay($input: DailyMetricInput!) {
  upsertDailyMetric(input: $input) {
    ...EntryFields
  }
}
    fragment EntryFields on DailyMetric {
  date
  weightKg
  kcalIn
  steps
  sleepHours
}`) as unknown as TypedDocumentString<SaveDayMutation, SaveDayMutationVariables>;
export const DeleteDayDocument = new TypedDocumentString(`
    mutation DeleteDay($day: Date!) {
  deleteDailyMetrics(start: $day, end: $day)
}
    `) as unknown as TypedDocumentString<DeleteDayMutation, DeleteDayMutationVariables>;
export const LatestDayDocument = new TypedDocumentString(`
    query LatestDay($day: Date!, $since: Date!, $monday: Date!) {
  recent: dailyMetrics(start: $since, end: $day) {
    date
    weightKg
    kcalIn
  }
  recentKpis: kpis(start: $since, end: $day) {
    date
    weightTrend
  }
  kpis(start: $day, end: $day) {
    weightTrend
    weightTrendChange7d
    weightRateKgPerWeek
    goalEtaDate
    targetKcalIn
    energyBalanceKcal
    energyBalance7dAvg
    balance7dAvg
    balance7dDays
    proteinPerKg
    steps7dAvg
    sleep7dAvg
    expenditureKcal
    expenditureLowKcal
    expenditureHighKcal
  }
  dailyMetrics(start: $day, end: $day) {
    weightKg
    steps
    sleepHours
  }
  week: kpiSummary(start: $monday, end: $day, period: WEEK) {
    kcalInAvg
  }
}
    `) as unknown as TypedDocumentString<LatestDayQuery, LatestDayQueryVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: ProfileInput!) {
  updateProfile(input: $input) {
    ...ProfileFields
  }
}
    fragment ProfileFields on Profile {
  sex
  birthDate
  heightCm
  activityFactor
  stepsGoal
  proteinTargetGPerKg
  balanceGoalKcal
  sleepTargetHours
  goalWeightKg
  goalRateKgPerWeek
  weightUnit
  timeZone
  isDefault
}`) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const SummariesDocument = new TypedDocumentString(`
    query Summaries($start: Date!, $end: Date!, $period: Period!) {
  kpiSummary(start: $start, end: $end, period: $period) {
    periodStart
    periodEnd
    daysLogged
    weightAvg
    weightTrendEnd
    balanceAvg
    stepsAvg
    stepsGoalRate
    proteinPerKgAvg
    sleepAvg
  }
}
    `) as unknown as TypedDocumentString<SummariesQuery, SummariesQueryVariables>;
export const IngestionsDocument = new TypedDocumentString(`
    query Ingestions($limit: Int!) {
  ingestions(limit: $limit) {
    ...ReportFields
  }
}
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  rowsDeleted
  source
  dryRun
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}`) as unknown as TypedDocumentString<IngestionsQuery, IngestionsQueryVariables>;
export const ImportFileDocument = new TypedDocumentString(`
    mutation ImportFile($file: Upload!, $onInvalidRow: InvalidRowPolicy!, $dateOrder: DateOrder!, $dryRun: Boolean!) {
  importFile(
    file: $file
    onInvalidRow: $onInvalidRow
    dateOrder: $dateOrder
    dryRun: $dryRun
  ) {
    ...ReportFields
  }
}
    fragment ReportFields on Ingestion {
  id
  filename
  status
  createdAt
  rowsRead
  rowsInserted
  rowsUpdated
  rowsUnchanged
  rowsRejected
  rowsDeleted
  source
  dryRun
  firstDate
  lastDate
  kpiDaysRecomputed
  columns
  warnings
  errorCount
  errors {
    row
    column
    value
    message
  }
}`) as unknown as TypedDocumentString<ImportFileMutation, ImportFileMutationVariables>;