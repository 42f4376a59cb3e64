CREATE TABLE "incident_unrelated_pairs" (
	"incident_id" uuid NOT NULL,
	"other_incident_id" uuid NOT NULL,
	"marked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_unrelated_pairs_incident_id_other_incident_id_pk" PRIMARY KEY("incident_id","other_incident_id"),
	CONSTRAINT "incident_unrelated_pairs_ordered" CHECK ("incident_unrelated_pairs"."incident_id" < "incident_unrelated_pairs"."other_incident_id")
);
--> statement-breakpoint
ALTER TABLE "incident_unrelated_pairs" ADD CONSTRAINT "incident_unrelated_pairs_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_unrelated_pairs" ADD CONSTRAINT "incident_unrelated_pairs_other_incident_id_incidents_id_fk" FOREIGN KEY ("other_incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_unrelated_pairs" ADD CONSTRAINT "incident_unrelated_pairs_marked_by_id_users_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_unrelated_pairs_other_idx" ON "incident_unrelated_pairs" USING btree ("other_incident_id");