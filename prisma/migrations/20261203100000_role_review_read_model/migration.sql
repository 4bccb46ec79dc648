-- The role review (issue 11) read a row per role and letter, 12,000 across 1,000 flows, and spent
-- its time turning them into objects: one row per flow and role, with the role's elements of that
-- flow as JSON, is 1,000 rows and one JSON.parse each. FlowResponsibility stays the fact; this table
-- is a view of it, kept equal to it by the triggers below, whichever statement changes it.

-- CreateTable
CREATE TABLE "FlowRoleReview" (
    "roleId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "items" TEXT NOT NULL,

    CONSTRAINT "FlowRoleReview_pkey" PRIMARY KEY ("roleId","flowId")
);

-- CreateIndex
CREATE INDEX "FlowRoleReview_flowId_idx" ON "FlowRoleReview"("flowId");

-- AddForeignKey
ALTER TABLE "FlowRoleReview" ADD CONSTRAINT "FlowRoleReview_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The given (flow, role) pairs' rows built again from FlowResponsibility: the role's elements in flow
-- order, each with its letters in RACI order (the enum's order), as [{"elementId", "name", "kind",
-- "letters"}]; a pair with no responsibility left has no row.
CREATE FUNCTION "stafett_refresh_role_review"("flowIds" TEXT[], "roleIds" TEXT[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "FlowRoleReview" v
  USING unnest("flowIds", "roleIds") AS t("flowId", "roleId")
  WHERE v."flowId" = t."flowId" AND v."roleId" = t."roleId";

  INSERT INTO "FlowRoleReview" ("roleId", "flowId", "items")
  SELECT e."roleId", e."flowId",
         json_agg(json_build_object('elementId', e."elementId", 'name', e."elementName", 'kind', e."elementKind", 'letters', e."letters")
                  ORDER BY e."position", e."elementId")::text
  FROM (
    SELECT r."roleId", r."flowId", r."elementId", r."elementName", r."elementKind", r."position", array_agg(r."letter" ORDER BY r."letter") AS "letters"
    FROM "FlowResponsibility" r
    JOIN (SELECT DISTINCT * FROM unnest("flowIds", "roleIds") AS u("flowId", "roleId")) t ON r."flowId" = t."flowId" AND r."roleId" = t."roleId"
    GROUP BY r."roleId", r."flowId", r."elementId", r."elementName", r."elementKind", r."position"
  ) e
  GROUP BY e."roleId", e."flowId";
$$;

-- After each statement on FlowResponsibility, the pairs it touched (before and after an update).
-- Statement-level, with transition tables: a commit's one upsert refreshes each pair once.
CREATE FUNCTION "stafett_role_review_after_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM "stafett_refresh_role_review"(array_agg(c."flowId"), array_agg(c."roleId"))
    FROM (SELECT "flowId", "roleId" FROM "changed" UNION SELECT "flowId", "roleId" FROM "replaced") c
    HAVING count(*) > 0;
  ELSE
    PERFORM "stafett_refresh_role_review"(array_agg(c."flowId"), array_agg(c."roleId"))
    FROM (SELECT DISTINCT "flowId", "roleId" FROM "changed") c
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "FlowResponsibility_role_review_insert"
  AFTER INSERT ON "FlowResponsibility" REFERENCING NEW TABLE AS "changed"
  FOR EACH STATEMENT EXECUTE FUNCTION "stafett_role_review_after_change"();

CREATE TRIGGER "FlowResponsibility_role_review_update"
  AFTER UPDATE ON "FlowResponsibility" REFERENCING OLD TABLE AS "replaced" NEW TABLE AS "changed"
  FOR EACH STATEMENT EXECUTE FUNCTION "stafett_role_review_after_change"();

CREATE TRIGGER "FlowResponsibility_role_review_delete"
  AFTER DELETE ON "FlowResponsibility" REFERENCING OLD TABLE AS "changed"
  FOR EACH STATEMENT EXECUTE FUNCTION "stafett_role_review_after_change"();

-- The rows for what the projection holds already.
SELECT "stafett_refresh_role_review"(array_agg("flowId"), array_agg("roleId"))
FROM (SELECT DISTINCT "flowId", "roleId" FROM "FlowResponsibility") p
HAVING count(*) > 0;
