import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/config/env";
import { embedTexts, getEmbedder, toVector } from "@/server/search/embedder";
import { hashEmbed } from "@/server/search/hash-embedder";
import { OFFLINE_MODEL_NAME, offlineEmbed } from "@/server/search/word-vector-embedder";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cos(a, a));

const BASE_ENV = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };
const saved = { ...process.env };

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries({ ...BASE_ENV, ...vars })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("hashed words (the lexical part of the offline embedder)", () => {
  const strongQ2 =
    "First I would run EXPLAIN ANALYZE to see where the time goes. On fifty million rows it is usually a sequential scan, so I add a composite index that matches the where clause.";

  it("is deterministic, 384-dimensional and L2-normalised", () => {
    const a = hashEmbed(strongQ2);
    expect(a).toHaveLength(384);
    expect(hashEmbed(strongQ2)).toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 10);
    expect(norm(hashEmbed("I"))).toBeCloseTo(1, 10);
  });

  it("gives text without words the zero vector rather than a made-up direction", () => {
    expect(hashEmbed(" ?! — ").every((x) => x === 0)).toBe(true);
  });

  it("puts similar texts closer than unrelated ones", () => {
    const query = hashEmbed("EXPLAIN ANALYZE composite index");
    const related = cos(query, hashEmbed(strongQ2));
    const vague = cos(query, hashEmbed("I would add an index on the column. Indexes make queries faster."));
    const unrelated = cos(query, hashEmbed("A colleague wanted to split our monolith into ten services. I thought it was too early."));
    expect(related).toBeGreaterThan(vague);
    expect(vague).toBeGreaterThan(unrelated);
    expect(related).toBeGreaterThan(0.25);
  });

  it("lets inflections meet and weighs stop words lightly", () => {
    expect(cos(hashEmbed("indexes"), hashEmbed("index"))).toBeGreaterThan(0.8);
    expect(cos(hashEmbed("indexing databases"), hashEmbed("database index"))).toBeGreaterThan(0.8);
    expect(cos(hashEmbed("the index"), hashEmbed("index"))).toBeGreaterThan(cos(hashEmbed("the index"), hashEmbed("the")));
  });

  it("writes pgvector's text form", () => {
    expect(toVector([0.5, -0.25, 1 / 3])).toBe("[0.5,-0.25,0.3333333]");
  });
});

describe("offline word-vector embedder", () => {
  it("is deterministic, 384-dimensional and L2-normalised, and zero for text without words", () => {
    const a = offlineEmbed("The customer was upset about a late delivery.");
    expect(a).toHaveLength(384);
    expect(offlineEmbed("The customer was upset about a late delivery.")).toEqual(a);
    expect(norm(a)).toBeCloseTo(1, 6);
    expect(norm(offlineEmbed("pgvectorish xq"))).toBeCloseTo(1, 6);
    expect(offlineEmbed(" ?! — ").every((x) => x === 0)).toBe(true);
  });

  it("finds the same meaning in other words, which hashing alone cannot", () => {
    const query = "a shopper complained that the parcel came late";
    const paraphrase = "The customer was upset because her order was delivered two days after the promised date.";
    const unrelated = "We migrated the payroll spreadsheet to a new accounting system.";
    expect(cos(offlineEmbed(query), offlineEmbed(paraphrase))).toBeGreaterThan(cos(offlineEmbed(query), offlineEmbed(unrelated)) + 0.1);
    expect(cos(hashEmbed(query), hashEmbed(paraphrase))).toBeLessThan(0.15);
  });
});

describe("getEmbedder / embedTexts", () => {
  it("uses the offline embedder through the ai SDK when no endpoint is configured", async () => {
    setEnv({ EMBEDDINGS_BASE_URL: undefined, EMBEDDINGS_MODEL: undefined, EMBEDDINGS_API_KEY: undefined });
    const e = getEmbedder();
    expect(e.modelName).toBe(OFFLINE_MODEL_NAME);
    expect(e.label).toMatch(/^Offline word-vector embedder/);
    expect(e.dimensions).toBe(384);
    expect(e.model.specificationVersion).toBe("v4");
    const texts = Array.from({ length: 2500 }, (_, i) => `answer number ${i}`);
    const vectors = await embedTexts(texts);
    expect(vectors).toHaveLength(2500);
    expect(vectors[2499]).toEqual(offlineEmbed("answer number 2499"));
    expect(await embedTexts([])).toEqual([]);
  });

  describe("with an OpenAI-compatible endpoint", () => {
    let server: Server;
    let url: string;
    let dims = 384;
    const requests: { auth: string | undefined; path: string | undefined; body: { model: string; input: string[]; dimensions?: number } }[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let raw = "";
        req.on("data", (c: Buffer) => (raw += c.toString()));
        req.on("end", () => {
          const body = JSON.parse(raw) as { model: string; input: string[]; dimensions?: number };
          requests.push({ auth: req.headers.authorization, path: req.url, body });
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              data: body.input.map((_, i) => ({ embedding: Array.from({ length: dims }, (_, j) => (i + j) / 1000) })),
              usage: { prompt_tokens: 3 },
            }),
          );
        });
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("asks the model for 384 dimensions with the key, and names chunks by the model", async () => {
      setEnv({ EMBEDDINGS_BASE_URL: url, EMBEDDINGS_MODEL: "bge-small-en", EMBEDDINGS_API_KEY: "secret-key" });
      const e = getEmbedder();
      expect(e.modelName).toBe("bge-small-en");
      expect(e.label).toContain("bge-small-en");
      const vectors = await embedTexts(["composite index", "rolled back"]);
      expect(vectors).toHaveLength(2);
      expect(vectors[1]![0]).toBeCloseTo(0.001);
      expect(requests.at(-1)).toEqual({
        auth: "Bearer secret-key",
        path: "/v1/embeddings",
        body: expect.objectContaining({ model: "bge-small-en", input: ["composite index", "rolled back"], dimensions: 384 }),
      });
    });

    it("refuses vectors of another size than the database column", async () => {
      setEnv({ EMBEDDINGS_BASE_URL: url, EMBEDDINGS_MODEL: "big-model", EMBEDDINGS_API_KEY: "k" });
      dims = 1536;
      try {
        await expect(embedTexts(["x"])).rejects.toThrow(/returned 1536 dimensions/);
      } finally {
        dims = 384;
      }
    });
  });
});
