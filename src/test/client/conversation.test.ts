// A help-desk integration as an integrator would write it: a TypeScript client generated from the document the
// running service serves (openapi-typescript, openapi-fetch), driving a whole conversation and meeting its errors,
// with every response checked against that document (contract.ts). Run by run.sh against the packaged service.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import createClient from "openapi-fetch";
import { Contract } from "./contract.js";
import type { components, paths } from "./schema.js";

type Conversation = components["schemas"]["Conversation"];
type ArticleRouting = components["schemas"]["ArticleRouting"];

const baseUrl = process.env["KBGUIDE_URL"] ?? "http://localhost:8080";
const apiKey = process.env["KBGUIDE_API_KEY"] ?? "";
const article = "heartbeat-registry-driver";

/** JSON answers, and problem documents for errors (Markdown and text are asked for with parseAs: "text"). */
type Json = "application/json" | "application/problem+json";

const contract = await Contract.load(baseUrl);
const client = createClient<paths, Json>({ baseUrl, headers: { "X-Api-Key": apiKey } });
client.use(contract.middleware);
/** A client without the key: only the collector's script is public. */
const anonymous = createClient<paths, Json>({ baseUrl });
anonymous.use(contract.middleware);

/** The step a response carries, or the test fails with the problem the service answered. */
function step(result: { data?: Conversation | ArticleRouting; error?: unknown; response: Response }): Conversation {
  assert.ok(result.data, `${result.response.status}: ${JSON.stringify(result.error)}`);
  assert.ok("conversationId" in result.data, `no conversation started: ${JSON.stringify(result.data)}`);
  return result.data as Conversation;
}

after(() => {
  console.log(`${contract.checked.length} responses checked against the served document,`
    + ` ${contract.mismatches.length} mismatches`);
});

test("drives a whole conversation: typed text, I don't know, back, a read-back confirmed, the diagnosis", async () => {
  const started = await client.POST("/api/v1/conversations", {
    body: { articleId: article, text: "x86 w2k3, heartbeat 5.0.1" },
  });
  assert.equal(started.response.status, 201);
  let conversation = step(started);
  assert.ok(started.response.headers.get("Location")?.endsWith(conversation.conversationId));
  assert.deepEqual(conversation.understood?.map((u) => u.factId).sort(), ["architecture", "heartbeatVersion", "os"]);
  let current = conversation.step;
  assert.equal(current.type, "question");
  if (current.type !== "question") return;
  const asked = current.question.factId;
  assert.ok(current.question.allowUnknown, "I don't know is accepted");

  conversation = step(await client.POST("/api/v1/conversations/{conversationId}/replies", {
    params: { path: { conversationId: conversation.conversationId } },
    body: { factId: asked, value: "unknown" },
  }));
  current = conversation.step;
  assert.equal(current.type, "question");
  assert.ok(current.answers.some((a) => a.factId === asked && a.value === "unknown" && a.label === "I don't know"));

  conversation = step(await client.POST("/api/v1/conversations/{conversationId}/back", {
    params: { path: { conversationId: conversation.conversationId } },
  }));
  current = conversation.step;
  assert.equal(current.type === "question" ? current.question.factId : current.type, asked, "back asks it again");
  assert.ok(!current.answers.some((a) => a.factId === asked), "and forgets the answer");

  const markdown = await client.GET("/api/v1/conversations/{conversationId}", {
    params: { path: { conversationId: conversation.conversationId } },
    headers: { Accept: "text/markdown" },
    parseAs: "text",
  });
  assert.equal(markdown.response.status, 200);
  assert.match(String(markdown.data), /Which Windows service pack is installed\?/);

  conversation = step(await client.POST("/api/v1/conversations/{conversationId}/replies", {
    params: { path: { conversationId: conversation.conversationId } },
    body: { text: "SP2, UseNewApi is 0" },
  }));
  current = conversation.step;
  assert.equal(current.type, "readback", "typed facts decide the steps: they are read back first");
  if (current.type !== "readback") return;
  assert.ok(current.readBack.some((item) => item.factId === "useNewApi" && item.evidence === "UseNewApi is 0"));

  conversation = step(await client.POST("/api/v1/conversations/{conversationId}/confirm", {
    params: { path: { conversationId: conversation.conversationId } },
  }));
  current = conversation.step;
  assert.equal(current.type, "diagnosis");
  if (current.type !== "diagnosis") return;
  assert.deepEqual(current.diagnosis.remediation.map((s) => s.id), ["remove-usenewapi", "restart-server"]);
  assert.equal(current.diagnosis.findings["driverMethod"], "hookers");
  assert.equal(current.diagnosis.verdict.kind, "steps");

  const again = step(await client.GET("/api/v1/conversations/{conversationId}", {
    params: { path: { conversationId: conversation.conversationId } },
  }));
  assert.deepEqual(again.step, current, "the id carries the conversation");
  assert.deepEqual(contract.mismatches, []);
});

test("diagnoses statelessly from facts, in JSON and as text", async () => {
  const json = await client.POST("/api/v1/articles/{articleId}/diagnosis", {
    params: { path: { articleId: article } },
    body: {
      facts: { architecture: "x86", os: "windows-2003", heartbeatVersion: "5.0.1", servicePack: "unknown",
        useNewApi: "zero" },
    },
  });
  assert.equal(json.response.status, 200);
  assert.equal(json.data?.verdict.kind, "answers-needed");
  assert.ok(json.data?.missingFacts.includes("servicePack"));
  assert.equal(json.data?.findings["recommendedMethod"], "undetermined");
  assert.ok(json.data?.plansByCase?.some((c) => c.when.servicePack === "none"), "what each answer would lead to");

  const text = await client.POST("/api/v1/articles/{articleId}/diagnosis", {
    params: { path: { articleId: article } },
    body: { facts: { architecture: "x64" } },
    headers: { Accept: "text/plain" },
    parseAs: "text",
  });
  assert.equal(text.response.status, 200);
  const articles = await client.GET("/api/v1/articles");
  assert.deepEqual(articles.data?.map((a) => a.id), [article]);
  const detail = await client.GET("/api/v1/articles/{articleId}", { params: { path: { articleId: article } } });
  assert.equal(detail.data?.facts.find((f) => f.id === "os")?.format, null, "a choice fact has no format");
  const collector = await anonymous.GET("/api/v1/articles/{articleId}/collector", {
    params: { path: { articleId: article }, query: { format: "ps1" } },
    parseAs: "text",
  });
  assert.equal(collector.response.status, 200, "the collector's script needs no key");
  assert.deepEqual(contract.mismatches, []);
});

test("answers each refusal with the problem document the served document names", async () => {
  const noKey = await anonymous.GET("/api/v1/articles");
  assert.equal(noKey.response.status, 401);
  assert.equal(noKey.error?.type, "urn:kb-guide:problem:api-key-required");
  assert.match(noKey.response.headers.get("WWW-Authenticate") ?? "", /X-Api-Key/);

  const unknown = await client.POST("/api/v1/conversations", { body: { articleId: "printer" } });
  assert.equal(unknown.response.status, 404);
  assert.equal(unknown.error?.type, "urn:kb-guide:problem:unknown-article");

  const first = step(await client.POST("/api/v1/conversations", { body: { articleId: article } }));
  const id = { path: { conversationId: first.conversationId } };
  const invalid = await client.POST("/api/v1/conversations/{conversationId}/replies", {
    params: id, body: { factId: "os", value: "windows-3000" },
  });
  assert.equal(invalid.response.status, 400);
  assert.equal(invalid.error?.errors?.[0]?.field, "value");

  const nothingToUndo = await client.POST("/api/v1/conversations/{conversationId}/back", { params: id });
  assert.equal(nothingToUndo.response.status, 409);

  const forged = await client.GET("/api/v1/conversations/{conversationId}", {
    params: { path: { conversationId: first.conversationId.slice(0, -4) + "AAAA" } },
  });
  assert.equal(forged.response.status, 400);
  assert.equal(forged.error?.type, "urn:kb-guide:problem:invalid-conversation-id");

  const notAcceptable = await client.GET("/api/v1/articles", { headers: { Accept: "image/png" } });
  assert.equal(notAcceptable.response.status, 406);

  const notJson = await client.POST("/api/v1/articles/{articleId}/diagnosis", {
    params: { path: { articleId: article } }, body: { facts: {} }, headers: { "Content-Type": "text/plain" },
  });
  assert.equal(notJson.response.status, 415);

  const tooLarge = await client.POST("/api/v1/articles/{articleId}/diagnosis", {
    params: { path: { articleId: article } }, body: { text: "a".repeat(20_000) },
  });
  assert.equal(tooLarge.response.status, 413);
  assert.deepEqual(contract.mismatches, []);
});

test("says when to come back once the rate limit is reached", async () => {
  let limited: Response | undefined;
  for (let i = 0; i < 1_000 && !limited; i++) {
    const { response } = await client.GET("/api/v1/articles");
    limited = response.status === 429 ? response : undefined;
  }
  assert.ok(limited, "the burst is limited");
  assert.ok(Number(limited.headers.get("Retry-After")) >= 1);
  assert.match(limited.headers.get("RateLimit") ?? "", /^"default";r=0;t=\d+$/);
  assert.deepEqual(contract.mismatches, []);
  assert.ok(contract.checked.length > 20, `${contract.checked.length} responses checked`);
});

test("finds the article of a first message, or says there is none; answers a question from the article", async () => {
  // the tests before spend this client's rate limit (one of them to see the 429): let the bucket refill
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const found = await client.POST("/api/v1/conversations", {
    body: { text: "our Heartbeat server bluescreens since /3GB was added to boot.ini" },
  });
  assert.equal(found.response.status, 201);
  const conversation = step(found);
  assert.equal(conversation.step.type, "question");

  const none = await client.POST("/api/v1/conversations", { body: { text: "my outlook password expired" } });
  assert.equal(none.response.status, 200);
  assert.ok(none.data && !("conversationId" in none.data));
  assert.equal(none.data?.step.type, "no-article");

  const asked = step(await client.POST("/api/v1/conversations/{conversationId}/replies", {
    params: { path: { conversationId: conversation.conversationId } },
    body: { text: "Which Heartbeat versions have the leak?" },
  }));
  assert.equal(asked.articleSays?.[0]?.kind, "quoted");
  assert.equal(asked.articleSays?.[0]?.section, "memory-leak");
  assert.equal(asked.conversationId, conversation.conversationId, "the step stays where it was");
});

