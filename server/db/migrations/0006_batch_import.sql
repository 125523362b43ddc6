CREATE TABLE "import_items" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"path" text NOT NULL,
	"bytes" "bytea",
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"source_id" uuid,
	"settled_at" timestamp with time zone,
	CONSTRAINT "import_items_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"status" text DEFAULT 'staging' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "text_hash" text;--> statement-breakpoint
ALTER TABLE "import_items" ADD CONSTRAINT "import_items_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_items" ADD CONSTRAINT "import_items_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_items_path_idx" ON "import_items" USING btree ("import_id","path");--> statement-breakpoint
CREATE INDEX "import_items_status_idx" ON "import_items" USING btree ("import_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_open_key_idx" ON "imports" USING btree ("key") WHERE status <> 'done';--> statement-breakpoint
CREATE INDEX "sources_text_hash_idx" ON "sources" USING btree ("text_hash");--> statement-breakpoint
CREATE INDEX "sources_url_idx" ON "sources" USING hash ("url");