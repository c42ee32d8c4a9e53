ALTER TABLE "conversation_events" ADD COLUMN "status" text GENERATED ALWAYS AS (data->>'status') STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "domain" text GENERATED ALWAYS AS (data->>'domain') STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "agent" text GENERATED ALWAYS AS (data->>'agent') STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "sentiment" text GENERATED ALWAYS AS (data->>'sentiment') STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "provider" text GENERATED ALWAYS AS (coalesce(data->>'provider', 'offline')) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "confidence" double precision GENERATED ALWAYS AS (case when jsonb_typeof(data->'confidence') = 'number' then (data->'confidence')::float8 end) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "clarifying" boolean GENERATED ALWAYS AS (coalesce(data->'clarifying' = 'true'::jsonb, false)) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "fallback" boolean GENERATED ALWAYS AS (coalesce(data->'fallback' = 'true'::jsonb, false)) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "ms" double precision GENERATED ALWAYS AS (case when jsonb_typeof(data->'ms') = 'number' then (data->'ms')::float8 end) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "prompt_tokens" double precision GENERATED ALWAYS AS (case when jsonb_typeof(data->'tokens'->'prompt') = 'number' then (data->'tokens'->'prompt')::float8 end) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "completion_tokens" double precision GENERATED ALWAYS AS (case when jsonb_typeof(data->'tokens'->'completion') = 'number' then (data->'tokens'->'completion')::float8 end) STORED;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD COLUMN "cost_usd" double precision GENERATED ALWAYS AS (case when jsonb_typeof(data->'costUsd') = 'number' then (data->'costUsd')::float8 end) STORED;--> statement-breakpoint
CREATE INDEX "events_ai_reply_time_idx" ON "conversation_events" USING btree ("created_at","conversation_id","domain","agent","provider","sentiment","confidence","clarifying","fallback","ms","prompt_tokens","completion_tokens","cost_usd") WHERE type = 'ai_reply';--> statement-breakpoint
CREATE INDEX "events_ai_reply_conv_idx" ON "conversation_events" USING btree ("conversation_id","id","agent","sentiment") WHERE type = 'ai_reply';--> statement-breakpoint
CREATE INDEX "events_status_time_idx" ON "conversation_events" USING btree ("status","created_at","conversation_id","id") WHERE type = 'status_changed';