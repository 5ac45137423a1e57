// Checks every response the generated client gets against the document the service serves: the operation, the
// status (or its range, or "default"), the media type, the body against the JSON Schema (OpenAPI 3.1: JSON Schema
// 2020-12, so "null" is a type like any other, no "nullable"), and the headers the response declares.
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import type { Middleware } from "openapi-fetch";

const BASE = "https://kb-guide.test/openapi.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export class Contract {
  /** Every response that did not match the document, and why. */
  readonly mismatches: string[] = [];
  /** Every response checked: "METHOD path status media type". */
  readonly checked: string[] = [];

  private constructor(
    private readonly doc: JsonObject,
    private readonly ajv: Ajv2020,
  ) {}

  /** The document the service at this address serves, ready to check responses with. */
  static async load(baseUrl: string): Promise<Contract> {
    const response = await fetch(new URL("/q/openapi?format=json", baseUrl));
    if (!response.ok) {
      throw new Error(`the service serves no OpenAPI document: ${response.status}`);
    }
    const doc = (await response.json()) as JsonObject;
    if (typeof doc["openapi"] !== "string" || !doc["openapi"].startsWith("3.1")) {
      throw new Error(`expected an OpenAPI 3.1 document, got ${String(doc["openapi"])}`);
    }
    // the OpenAPI keywords a schema may carry besides JSON Schema's are annotations here
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    formats.default(ajv);
    ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
    ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    ajv.addSchema({ $id: BASE, components: doc["components"] ?? {} });
    return new Contract(doc, ajv);
  }

  /** A middleware for the client: checks each response as it arrives (the caller still reads the body). */
  readonly middleware: Middleware = {
    onResponse: async ({ request, response, schemaPath }) => {
      await this.check(request.method, schemaPath, response.clone());
      return undefined;
    },
  };

  /** Checks one response of the operation at this path template. */
  async check(method: string, path: string, response: Response): Promise<void> {
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const where = `${method} ${path} ${response.status} ${type || "(no body)"}`;
    this.checked.push(where);
    const fail = (why: string): void => {
      this.mismatches.push(`${where}: ${why}`);
    };
    const operation = this.object(this.object(this.doc["paths"])?.[path])?.[method.toLowerCase()];
    const responses = this.object(this.object(operation)?.["responses"]);
    if (!responses) {
      return fail("the document has no such operation");
    }
    const code = String(response.status);
    const declared = this.object(responses[code] ?? responses[`${code[0]}XX`] ?? responses["default"]);
    if (!declared) {
      return fail("the operation declares no such status, and no default");
    }
    for (const [name, header] of Object.entries(this.object(declared["headers"]) ?? {})) {
      const definition = this.resolve(header);
      const value = response.headers.get(name);
      if (value === null) {
        if (definition?.["required"] === true) {
          fail(`required header ${name} is missing`);
        }
        continue;
      }
      const schema = this.object(definition?.["schema"]);
      const typed = schema?.["type"] === "integer" ? Number(value) : value;
      this.validate(schema, typed, `header ${name}`, fail);
    }
    const content = this.object(declared["content"]);
    const text = await response.text();
    if (!content || Object.keys(content).length === 0) {
      if (text.length > 0) {
        fail("a body where the document declares none");
      }
      return;
    }
    const media = Object.entries(content).find(([key]) => key.split(";")[0]!.trim().toLowerCase() === type);
    if (!media) {
      return fail(`media type not declared (declared: ${Object.keys(content).join(", ")})`);
    }
    let body: unknown = text;
    if (type === "application/json" || type.endsWith("+json")) {
      try {
        body = JSON.parse(text);
      } catch {
        return fail("the body is not JSON");
      }
    }
    this.validate(this.object(this.object(media[1])?.["schema"]), body, "body", fail);
  }

  private validate(schema: JsonObject | undefined, value: unknown, what: string, fail: (why: string) => void) {
    if (!schema) {
      return;
    }
    // refs in the document are relative to it: "#/components/schemas/Conversation"
    const validate = this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${BASE}#/components/`)));
    if (!validate(value)) {
      fail(`${what}: ${this.ajv.errorsText(validate.errors, { dataVar: what })}`);
    }
  }

  private resolve(value: Json | undefined): JsonObject | undefined {
    const object = this.object(value);
    const ref = object?.["$ref"];
    if (typeof ref !== "string") {
      return object;
    }
    let target: Json | undefined = this.doc;
    for (const part of ref.replace(/^#\//, "").split("/")) {
      target = this.object(target)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    }
    return this.object(target);
  }

  private object(value: Json | undefined): JsonObject | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  }
}
