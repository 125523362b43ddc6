-- Set in place rather than rebuilt: the options change how new rows enter each GIN index, and the
-- pending rows already listed are merged now, since nothing may vacuum them (PGlite has no autovacuum).
ALTER INDEX "agreements_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"agreements_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "agreements_party_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"agreements_party_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "agreements_area_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"agreements_area_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "agreements_source_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"agreements_source_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "agreements_policy_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"agreements_policy_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "areas_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"areas_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "commitments_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"commitments_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "commitments_area_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"commitments_area_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "commitments_vn_owner_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"commitments_vn_owner_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "commitments_policy_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"commitments_policy_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "commitments_partner_owner_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"commitments_partner_owner_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_partner_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_partner_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_area_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_area_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_agreement_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_agreement_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_source_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_source_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "events_policy_ids_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_policy_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "organisations_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"organisations_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "organisations_trgm_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"organisations_trgm_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "partners_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"partners_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "partners_trgm_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"partners_trgm_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "people_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"people_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "people_trgm_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"people_trgm_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "policies_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"policies_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "sources_search_label_idx" SET (gin_pending_list_limit=256);--> statement-breakpoint
SELECT gin_clean_pending_list('"sources_search_label_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "sources_search_idx" SET (gin_pending_list_limit=256);--> statement-breakpoint
SELECT gin_clean_pending_list('"sources_search_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "sources_partner_ids_idx" SET (gin_pending_list_limit=256);--> statement-breakpoint
SELECT gin_clean_pending_list('"sources_partner_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "sources_area_ids_idx" SET (gin_pending_list_limit=256);--> statement-breakpoint
SELECT gin_clean_pending_list('"sources_area_ids_idx"'::regclass);--> statement-breakpoint
ALTER INDEX "users_search_idx" SET (fastupdate=false);--> statement-breakpoint
SELECT gin_clean_pending_list('"users_search_idx"'::regclass);
