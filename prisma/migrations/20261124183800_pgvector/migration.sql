-- pgvector: Prisma cannot express vector columns or HNSW indexes, so they live here.
-- The embedding size is fixed at 384: the offline embedder's size, and a size every configured
-- provider is asked for (see server/search/embedder.ts).
CREATE EXTENSION IF NOT EXISTS vector;

ALTER TABLE "embedding_chunks" ADD COLUMN "embedding" vector(384) NOT NULL;

CREATE INDEX "embedding_chunks_embedding_hnsw" ON "embedding_chunks" USING hnsw ("embedding" vector_cosine_ops);
