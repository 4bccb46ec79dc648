-- The role review groups one role's rows per element (flow, element, kind, name, position) and
-- aggregates the letters: with the letter last in the index, the index's order is the grouping's
-- order, so PostgreSQL groups while it scans instead of sorting 12,000 rows by text keys (a
-- collation compare each) or keeping a min() per column. Same columns, still index-only.

-- DropIndex
DROP INDEX "FlowResponsibility_role_review_idx";

-- CreateIndex
CREATE INDEX "FlowResponsibility_role_review_idx" ON "FlowResponsibility"("roleId", "flowId", "elementId", "elementKind", "elementName", "position", "letter");
