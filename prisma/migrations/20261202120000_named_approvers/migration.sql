-- Approvers named by an organisation's admins (issue 15): besides its admins, a member with this
-- flag approves or rejects flow versions on the organisation's behalf.
ALTER TABLE "Membership" ADD COLUMN "approver" BOOLEAN NOT NULL DEFAULT false;
