CREATE INDEX "agreements_updated_idx" ON "agreements" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "commitments_updated_idx" ON "commitments" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "events_updated_idx" ON "events" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "people_updated_idx" ON "people" USING btree ("updated_at");