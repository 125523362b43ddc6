ALTER TABLE "agreements" ADD COLUMN "renewal_period_months" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "termination_notice_days" integer;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "documents" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "agreements_valid_to_idx" ON "agreements" USING btree ("valid_to");