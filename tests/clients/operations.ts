// Realistic operations of a dashboard; graphql-codegen (client preset) types them from
// schema.graphql into gql/ (generated, not committed). docs/api.md shows the scalar map.
import { graphql } from "./gql";

export const KpiRange = graphql(`
  query KpiRange($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      id
      date
      balanceKcal
      balance7dAvg
      healthyFoodPct
      stepsGoalMet
      stepsGoalRate7d
      weightTrend
    }
  }
`);

export const WeeklySummary = graphql(`
  query WeeklySummary($start: Date!, $end: Date!, $period: Period!) {
    kpiSummary(start: $start, end: $end, period: $period) {
      periodStart
      periodEnd
      daysLogged
      stepsGoalRate
      weightAvg
    }
    dataRange {
      firstDate
      lastDate
      daysLogged
    }
  }
`);

export const CurrentProfile = graphql(`
  query CurrentProfile {
    profile {
      id
      sex
      stepsGoal
      isDefault
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      id
      sex
      stepsGoal
      isDefault
    }
  }
`);

export const UploadCsv = graphql(`
  mutation UploadCsv($file: Upload!, $policy: InvalidRowPolicy!) {
    uploadCsv(file: $file, onInvalidRow: $policy) {
      id
      status
      createdAt
      rowsInserted
      errors {
        row
        column
        message
      }
    }
  }
`);

export const FixDay = graphql(`
  mutation FixDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      id
      date
      weightKg
      updatedAt
    }
  }
`);

export const FixDayWithKpi = graphql(`
  mutation FixDayWithKpi($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      id
      date
      steps
      kpi {
        id
        date
        stepsGoalMet
        steps7dAvg
      }
    }
  }
`);

export const History = graphql(`
  query History($first: Int!, $after: String) {
    ingestionHistory(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          filename
          status
          kpisChangedFrom
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const NodeById = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Kpi {
        date
        weightTrend
      }
      ... on Ingestion {
        status
        kpisChangedFrom
      }
      ... on KpiSummary {
        periodStart
        periodEnd
      }
    }
  }
`);
