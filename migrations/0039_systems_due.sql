-- The secretary's home and the figures list the systems whose attestation or review is past due, oldest first (issue 19):
-- read in due order from these indexes, they stop after their lines instead of sorting every system in service
-- (3,333 systems on the ten-times demo).
CREATE INDEX systems_attestation_due ON systems(status, attestation_due_on, id);
CREATE INDEX systems_review_due ON systems(status, next_review_on, id);
