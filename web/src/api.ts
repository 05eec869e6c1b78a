/**
 * The one way the dashboard talks to the API: `request(document, variables)` for typed
 * operations from graphql-codegen, `upload(...)` for the multipart upload of a file.
 * Errors in the API's shape (`{"errors": [{"message", "extensions": {"code"}}]}`) become
 * an `ApiError` with the message and code.
 */

import type { TypedDocumentString } from "./gql/graphql";
import { forgetOfflineFigures } from "./offline";
import { askForToken, currentToken } from "./token";

/**
 * Queries go over GET when true (cacheable: the API answers an unchanged GET query with
 * 304 for its ETag, and the browser's cache replays it); mutations always use POST.
 */
const QUERIES_OVER_GET = true;

const ENDPOINT = "/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
    /** The input field at fault (`extensions.field`, e.g. `weightKg`), when the API names one. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Variables<V> = V extends Record<string, never> ? [] | [V] : [V];

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

function authorization(): Record<string, string> {
  const token = currentToken();
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

function operationName(query: string): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "anonymous";
}

/** Sends, and while the API answers 401, asks for a token and sends again. */
async function authorised(send: () => Promise<Response>): Promise<Response> {
  let response = await send();
  while (response.status === 401) {
    // A refused token: the figures kept for offline use go with it.
    void forgetOfflineFigures();
    await askForToken(currentToken() !== null);
    response = await send();
  }
  return response;
}

/** The header the service worker adds to an answer it replays offline (its save time). */
const SAVED_AT = "x-healthhub-saved-at";

/** Called with the save time of an answer replayed offline, or null for a live one. */
let onSource: (savedAt: string | null) => void = () => undefined;

export function watchSource(handler: (savedAt: string | null) => void): void {
  onSource = handler;
}

async function result<R>(response: Response, name: string): Promise<R> {
  performance.mark(`response ${name}`);
  onSource(response.headers.get(SAVED_AT));
  let body: GraphQLResponse<R>;
  try {
    body = (await response.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiError(`The API answered ${response.status} without a JSON body`, null, response.status);
  }
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new ApiError(first.message, first.extensions?.code ?? null, response.status, first.extensions?.field ?? null);
  }
  if (body.data === null || body.data === undefined) {
    throw new ApiError(`The API answered ${response.status} without data`, null, response.status);
  }
  return body.data;
}

/** Runs a typed operation and returns its data, or throws an `ApiError`. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  ...[variables]: Variables<V>
): Promise<R> {
  const query = document.toString();
  const name = operationName(query);
  const overGet = QUERIES_OVER_GET && /^\s*query\b/.test(query);
  const send = (): Promise<Response> => {
    if (overGet) {
      const params = new URLSearchParams({ query, variables: JSON.stringify(variables ?? {}) });
      return fetch(`${ENDPOINT}?${params.toString()}`, { headers: authorization() });
    }
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { ...authorization(), "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  };
  return result<R>(await authorised(send), name);
}

/**
 * Runs a mutation whose `file` variable is a file, per the GraphQL multipart request
 * spec. `Apollo-Require-Preflight` tells the API this is no cross-site form post.
 */
export async function upload<R, V extends { file: File }>(
  document: TypedDocumentString<R, V>,
  variables: V,
): Promise<R> {
  const query = document.toString();
  const send = (): Promise<Response> => {
    const form = new FormData();
    form.append("operations", JSON.stringify({ query, variables: { ...variables, file: null } }));
    form.append("map", JSON.stringify({ 0: ["variables.file"] }));
    form.append("0", variables.file, variables.file.name);
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { ...authorization(), "Apollo-Require-Preflight": "true" },
      body: form,
    });
  };
  return result<R>(await authorised(send), operationName(query));
}

/** A message for the person, from any error a view ran into. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === null ? error.message : `${error.message} (${error.code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
