/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n": typeof types.ExportDaysDocument,
    "\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      goalEtaDate\n      targetKcalIn\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n": typeof types.SeriesDocument,
    "\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n": typeof types.EntryFieldsFragmentDoc,
    "\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n": typeof types.DayEntryDocument,
    "\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n": typeof types.SaveDayDocument,
    "\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n": typeof types.DeleteDayDocument,
    "\n  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {\n    recent: dailyMetrics(start: $since, end: $day) {\n      date\n      weightKg\n      kcalIn\n    }\n    recentKpis: kpis(start: $since, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      weightRateKgPerWeek\n      goalEtaDate\n      targetKcalIn\n      energyBalanceKcal\n      energyBalance7dAvg\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n    week: kpiSummary(start: $monday, end: $day, period: WEEK) {\n      kcalInAvg\n    }\n  }\n": typeof types.LatestDayDocument,
    "\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n": typeof types.SummariesDocument,
    "\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n": typeof types.IngestionsDocument,
    "\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n": typeof types.ImportFileDocument,
};
const documents: Documents = {
    "\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n": types.ExportDaysDocument,
    "\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n": types.OverviewDocument,
    "\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      goalEtaDate\n      targetKcalIn\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n": types.SeriesDocument,
    "\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n": types.EntryFieldsFragmentDoc,
    "\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n": types.DayEntryDocument,
    "\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n": types.SaveDayDocument,
    "\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n": types.DeleteDayDocument,
    "\n  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {\n    recent: dailyMetrics(start: $since, end: $day) {\n      date\n      weightKg\n      kcalIn\n    }\n    recentKpis: kpis(start: $since, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      weightRateKgPerWeek\n      goalEtaDate\n      targetKcalIn\n      energyBalanceKcal\n      energyBalance7dAvg\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n    week: kpiSummary(start: $monday, end: $day, period: WEEK) {\n      kcalInAvg\n    }\n  }\n": types.LatestDayDocument,
    "\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n": types.SummariesDocument,
    "\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n": types.IngestionsDocument,
    "\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n": types.ImportFileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportDays($start: Date!, $end: Date!) {\n    dailyMetrics(start: $start, end: $end) {\n      date\n      steps\n      proteinG\n      kcalIn\n      kcalJunkIn\n      kcalOutTraining\n      sleepHours\n      stress\n      weightKg\n      waistCm\n    }\n  }\n"): typeof import('./graphql').ExportDaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    dataRange {\n      firstDate\n      lastDate\n      daysLogged\n    }\n    profile {\n      ...ProfileFields\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Series($start: Date!, $end: Date!) {\n    kpis(start: $start, end: $end) {\n      date\n      weightTrend\n      goalEtaDate\n      targetKcalIn\n      balanceKcal\n      balance7dAvg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $start, end: $end) {\n      date\n      weightKg\n      kcalIn\n      steps\n      sleepHours\n    }\n  }\n"): typeof import('./graphql').SeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryFields on DailyMetric {\n    date\n    weightKg\n    kcalIn\n    steps\n    sleepHours\n  }\n"): typeof import('./graphql').EntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DayEntry($day: Date!) {\n    dailyMetrics(start: $day, end: $day) {\n      ...EntryFields\n    }\n  }\n"): typeof import('./graphql').DayEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDay($input: DailyMetricInput!) {\n    upsertDailyMetric(input: $input) {\n      ...EntryFields\n    }\n  }\n"): typeof import('./graphql').SaveDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDay($day: Date!) {\n    deleteDailyMetrics(start: $day, end: $day)\n  }\n"): typeof import('./graphql').DeleteDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {\n    recent: dailyMetrics(start: $since, end: $day) {\n      date\n      weightKg\n      kcalIn\n    }\n    recentKpis: kpis(start: $since, end: $day) {\n      date\n      weightTrend\n    }\n    kpis(start: $day, end: $day) {\n      weightTrend\n      weightTrendChange7d\n      weightRateKgPerWeek\n      goalEtaDate\n      targetKcalIn\n      energyBalanceKcal\n      energyBalance7dAvg\n      balance7dAvg\n      balance7dDays\n      proteinPerKg\n      steps7dAvg\n      sleep7dAvg\n      expenditureKcal\n      expenditureLowKcal\n      expenditureHighKcal\n    }\n    dailyMetrics(start: $day, end: $day) {\n      weightKg\n      steps\n      sleepHours\n    }\n    week: kpiSummary(start: $monday, end: $day, period: WEEK) {\n      kcalInAvg\n    }\n  }\n"): typeof import('./graphql').LatestDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFields on Profile {\n    sex\n    birthDate\n    heightCm\n    activityFactor\n    stepsGoal\n    proteinTargetGPerKg\n    balanceGoalKcal\n    sleepTargetHours\n    goalWeightKg\n    goalRateKgPerWeek\n    weightUnit\n    timeZone\n    isDefault\n  }\n"): typeof import('./graphql').ProfileFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Summaries($start: Date!, $end: Date!, $period: Period!) {\n    kpiSummary(start: $start, end: $end, period: $period) {\n      periodStart\n      periodEnd\n      daysLogged\n      weightAvg\n      weightTrendEnd\n      balanceAvg\n      stepsAvg\n      stepsGoalRate\n      proteinPerKgAvg\n      sleepAvg\n    }\n  }\n"): typeof import('./graphql').SummariesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Ingestion {\n    id\n    filename\n    status\n    createdAt\n    rowsRead\n    rowsInserted\n    rowsUpdated\n    rowsUnchanged\n    rowsRejected\n    rowsDeleted\n    source\n    dryRun\n    firstDate\n    lastDate\n    kpiDaysRecomputed\n    columns\n    warnings\n    errorCount\n    errors {\n      row\n      column\n      value\n      message\n    }\n  }\n"): typeof import('./graphql').ReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ingestions($limit: Int!) {\n    ingestions(limit: $limit) {\n      ...ReportFields\n    }\n  }\n"): typeof import('./graphql').IngestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportFile(\n    $file: Upload!\n    $onInvalidRow: InvalidRowPolicy!\n    $dateOrder: DateOrder!\n    $dryRun: Boolean!\n  ) {\n    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {\n      ...ReportFields\n    }\n  }\n"): typeof import('./graphql').ImportFileDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
