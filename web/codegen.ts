import type { CodegenConfig } from "@graphql-codegen/cli";

// Every operation in src/ is validated against the served schema and typed from it.
// documentMode "string": documents are plain strings, so no GraphQL library is bundled.
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: "string", DateTime: "string", Upload: "File" },
      },
    },
  },
};

export default config;
