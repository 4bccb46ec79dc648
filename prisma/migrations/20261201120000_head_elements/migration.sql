-- The head as one row per element instead of one JSON document per flow: a commit then writes only
-- the elements it changed (a rename on a 300-element flow rewrote ~150 KB before), never the whole.
-- "seq" keeps document order: a new element gets one past the highest, an updated one keeps its own.

-- CreateTable
CREATE TABLE "FlowHeadElement" (
    "flowId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "record" JSONB NOT NULL,

    CONSTRAINT "FlowHeadElement_pkey" PRIMARY KEY ("flowId","elementId")
);

-- CreateIndex
CREATE INDEX "FlowHeadElement_flowId_seq_idx" ON "FlowHeadElement"("flowId", "seq");

-- AddForeignKey
ALTER TABLE "FlowHeadElement" ADD CONSTRAINT "FlowHeadElement_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "FlowHead"("flowId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing heads, in their document order.
INSERT INTO "FlowHeadElement" ("flowId", "elementId", "seq", "record")
SELECT h."flowId", e.value->>'id', e.n, e.value
FROM "FlowHead" h, jsonb_array_elements(h."records") WITH ORDINALITY AS e(value, n)
ORDER BY h."flowId", e.n
ON CONFLICT DO NOTHING;

-- AlterTable
ALTER TABLE "FlowHead" DROP COLUMN "records";
