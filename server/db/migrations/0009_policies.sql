CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issuing_body" text NOT NULL,
	"issued_on" date,
	"url" text,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "policy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "policy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "policy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_number_unique" ON "policies" USING btree (upper("number"));--> statement-breakpoint
CREATE INDEX "policies_search_idx" ON "policies" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "agreements_policy_ids_idx" ON "agreements" USING gin ("policy_ids");--> statement-breakpoint
CREATE INDEX "commitments_policy_ids_idx" ON "commitments" USING gin ("policy_ids");--> statement-breakpoint
CREATE INDEX "events_policy_ids_idx" ON "events" USING gin ("policy_ids");