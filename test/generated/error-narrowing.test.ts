/**
 * Narrowing an operation's error by status class, checked by the compiler: `npm test` runs tsc over this file, and
 * each `// @ts-expect-error` fails the build if the line below it stops being an error (that is, if narrowing
 * breaks and the body widens), as each expectTypeOf fails it if a type changes. The runtime half checks that
 * statusClass and the guards say at run time what the types say.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AccountsRegenerateKeysError, type components, type HttpStatusRange, RekeyServiceError, type RekeyFailure, type StatusClass,
} from "@rekey/clients/maps/2023-06-01";

type ErrorResponse = components["schemas"]["ErrorResponse"];

/** What a caller holds in a catch block, narrowed by the operation's guard (a real one: the branches run too). */
const e = new RekeyServiceError({
  operationId: "Accounts_RegenerateKeys", status: 404, body: { error: { code: "ResourceNotFound", message: "absent" } }, requestId: undefined,
}) as AccountsRegenerateKeysError;

/** An operation documenting 404 and 409 exactly, the rest of 4XX, and default (the shape the union builder emits). */
type NotFound = { notFound: true };
type Conflict = { conflict: true };
type ClientFault = { clientFault: true };
type ServerFault = { serverFault: true };
type Mixed =
  | RekeyServiceError<404, NotFound>
  | RekeyServiceError<409, Conflict>
  | RekeyServiceError<Exclude<HttpStatusRange<4>, 404 | 409>, ClientFault>
  | RekeyServiceError<HttpStatusRange<5>, ServerFault>
  | RekeyServiceError<Exclude<HttpStatusRange<1> | HttpStatusRange<2> | HttpStatusRange<3>, 200>, unknown>;
const m = new RekeyServiceError({ operationId: "Op", status: 409, body: { conflict: true }, requestId: undefined }) as Mixed;

describe("types: the error body narrows by status class", () => {
  it("statusClass narrows a generated operation's error", () => {
    let seen = "";
    if (e.statusClass === "4xx") {
      expectTypeOf(e.body).toEqualTypeOf<ErrorResponse | undefined>();
      expectTypeOf(e.body?.error?.code).toEqualTypeOf<string | undefined>();
      seen = e.body?.error?.code ?? "";
      // @ts-expect-error 200 is no 4xx status: the union kept only 4xx members
      if (e.status === 200) return;
    }
    if (e.statusClass === "5xx") expectTypeOf(e.body).toEqualTypeOf<ErrorResponse | undefined>();
    if (e.statusClass === "2xx") {
      expectTypeOf(e.body).toEqualTypeOf<unknown>();
      // @ts-expect-error an undocumented 2xx answer has an unknown body
      void e.body.error;
    }
    // @ts-expect-error statusClass is one of the five classes, nothing else
    if (e.statusClass === "6xx") return;
    expectTypeOf(e.statusClass).toEqualTypeOf<StatusClass>();
    expect(seen).toBe("ResourceNotFound");
  });

  it("without narrowing, the body is not the error schema", () => {
    // @ts-expect-error the union holds an unknown body (an undocumented 2xx), so .error is not there
    void e.body?.error;
  });

  it("isClientError() and isServerError() narrow like statusClass", () => {
    if (e.isClientError()) {
      expectTypeOf(e.body).toEqualTypeOf<ErrorResponse | undefined>();
      expectTypeOf(e.statusClass).toEqualTypeOf<"4xx">();
    }
    if (e.isServerError()) expectTypeOf(e.statusClass).toEqualTypeOf<"5xx">();
  });

  it("exact statuses and classes mix: 4xx keeps every 4xx member, an exact status keeps its own", () => {
    if (m.statusClass === "4xx") {
      expectTypeOf(m.body).toEqualTypeOf<NotFound | Conflict | ClientFault | undefined>();
      if (m.status === 404) expectTypeOf(m.body).toEqualTypeOf<NotFound | undefined>();
      if (m.status === 409) expect(m.body?.conflict).toBe(true);
    }
    if (m.statusClass === "5xx") expectTypeOf(m.body).toEqualTypeOf<ServerFault | undefined>();
    if (m.isClientError()) expectTypeOf(m.body).toEqualTypeOf<NotFound | Conflict | ClientFault | undefined>();
    if (m.isServerError()) expectTypeOf(m.body).toEqualTypeOf<ServerFault | undefined>();
  });

  it("a plain RekeyServiceError (status: number) narrows its statusClass", () => {
    const plain = new RekeyServiceError({ operationId: "Op", status: 418 as number, body: undefined, requestId: undefined });
    expectTypeOf(plain.statusClass).toEqualTypeOf<StatusClass>();
    if (plain.isClientError()) expectTypeOf(plain.statusClass).toEqualTypeOf<"4xx">();
  });

  it("kind narrows any failure to its class", () => {
    const describe = (f: RekeyFailure) => {
      if (f.kind === "service") expectTypeOf(f.status).toEqualTypeOf<number>();
      else if (f.kind === "validation") expectTypeOf(f.parameter).toEqualTypeOf<string>();
      else if (f.kind === "timeout") expectTypeOf(f.timeoutMs).toEqualTypeOf<number>();
      else if (f.kind === "transport") expectTypeOf(f.hint).toEqualTypeOf<string | undefined>();
      else expectTypeOf(f.option).toEqualTypeOf<string>();
      // @ts-expect-error status is undefined on every kind but service
      if (f.kind === "timeout") void f.status.toFixed();
    };
    void describe;
  });
});

describe("at run time, statusClass and the guards agree with the types", () => {
  it.each([[100, "1xx"], [204, "2xx"], [301, "3xx"], [404, "4xx"], [499, "4xx"], [500, "5xx"], [599, "5xx"]] as const)("%d is %s", (status, statusClass) => {
    const error = new RekeyServiceError({ operationId: "Op", status: status as number, body: undefined, requestId: undefined });
    expect(error.statusClass).toBe(statusClass);
    expect(error.isClientError()).toBe(statusClass === "4xx");
    expect(error.isServerError()).toBe(statusClass === "5xx");
  });
});
