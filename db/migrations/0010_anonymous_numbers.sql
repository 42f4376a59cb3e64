CREATE TABLE "anonymous_incident_numbers" (
	"number" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_number_days" (
	"day" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "anonymous_incident_numbers_day_idx" ON "anonymous_incident_numbers" USING btree ("day");