CREATE TABLE "calendar_adjustments" (
	"on" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_rule_overrides" (
	"rule_id" text PRIMARY KEY NOT NULL,
	"offset_amount" integer NOT NULL,
	"offset_unit" text NOT NULL,
	"is_active" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "renewal_period_months" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "termination_notice_days" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "documents" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "signing_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_signing_unit_id_organisations_id_fk" FOREIGN KEY ("signing_unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_valid_to_idx" ON "agreements" USING btree ("valid_to");