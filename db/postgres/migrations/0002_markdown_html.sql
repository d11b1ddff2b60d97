ALTER TABLE "incident_updates" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "summary_html" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "postmortem_html" text;