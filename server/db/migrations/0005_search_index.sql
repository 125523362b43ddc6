-- Typo-tolerant name search (PGlite loads the extension in server/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "search_label_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "agreements_signed_id_idx" ON "agreements" USING btree ("signed_on","id");--> statement-breakpoint
CREATE INDEX "agreements_search_idx" ON "agreements" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "agreements_party_ids_idx" ON "agreements" USING gin ("party_ids");--> statement-breakpoint
CREATE INDEX "agreements_area_ids_idx" ON "agreements" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "agreements_source_ids_idx" ON "agreements" USING gin ("source_ids");--> statement-breakpoint
CREATE INDEX "commitments_due_id_idx" ON "commitments" USING btree ("due_on","id");--> statement-breakpoint
CREATE INDEX "commitments_search_idx" ON "commitments" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "commitments_area_ids_idx" ON "commitments" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "commitments_vn_owner_ids_idx" ON "commitments" USING gin ("vn_owner_ids");--> statement-breakpoint
CREATE INDEX "commitments_partner_owner_ids_idx" ON "commitments" USING gin ("partner_owner_ids");--> statement-breakpoint
CREATE INDEX "events_start_id_idx" ON "events" USING btree ("start_on","id");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "events_partner_ids_idx" ON "events" USING gin ("partner_ids");--> statement-breakpoint
CREATE INDEX "events_area_ids_idx" ON "events" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "events_agreement_ids_idx" ON "events" USING gin ("agreement_ids");--> statement-breakpoint
CREATE INDEX "events_source_ids_idx" ON "events" USING gin ("source_ids");--> statement-breakpoint
CREATE INDEX "organisations_name_id_idx" ON "organisations" USING btree ("name_vi","id");--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organisations_trgm_idx" ON "organisations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_name_id_idx" ON "partners" USING btree ("name_vi","id");--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "partners" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "partners_trgm_idx" ON "partners" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_name_id_idx" ON "people" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "people_search_idx" ON "people" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "people_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_created_id_idx" ON "sources" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "sources_portal_news_idx" ON "sources" USING btree ("published_at" desc nulls last,"created_at" desc) WHERE "sources"."is_published";--> statement-breakpoint
CREATE INDEX "sources_search_label_idx" ON "sources" USING gin ("search_label_vector");--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "sources_partner_ids_idx" ON "sources" USING gin ("partner_ids");--> statement-breakpoint
CREATE INDEX "sources_area_ids_idx" ON "sources" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "users_search_idx" ON "users" USING gin ("search_vector");--> statement-breakpoint
-- Search columns now hold folded words split at punctuation, as toSearchWords writes them (the
-- folded text is already ASCII-like, so ASCII punctuation is all there is to split at).
UPDATE "agreements" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "areas" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "commitments" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "events" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "organisations" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "partners" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "people" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
UPDATE "users" SET "search_text" = btrim(regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g'));--> statement-breakpoint
-- A source's old search text was its folded title, outlet and text (folding keeps one character
-- per character): the whole becomes the vector, the title-and-outlet prefix stays as its label words.
UPDATE "sources" SET
  "search_vector" = to_tsvector('simple'::regconfig, regexp_replace("search_text", '[[:space:][:punct:]]+', ' ', 'g')),
  "search_text" = btrim(regexp_replace(left("search_text", length("title") + length(coalesce("outlet", '')) + 1), '[[:space:][:punct:]]+', ' ', 'g'));