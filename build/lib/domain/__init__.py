"""The domain core: entities, CSV parsing, the merge rule, the KPI engine and services."""
