-- Full-text search over passages (server/search/fulltext.ts). Prisma cannot express a generated
-- tsvector column or a GIN index, so, like the embedding column, they live here. The 'english'
-- configuration (stemming, stop words) must match the one the search queries with.
ALTER TABLE "embedding_chunks" ADD COLUMN "lexemes" tsvector GENERATED ALWAYS AS (to_tsvector('english', "content")) STORED;

CREATE INDEX "embedding_chunks_lexemes_gin" ON "embedding_chunks" USING gin ("lexemes");
