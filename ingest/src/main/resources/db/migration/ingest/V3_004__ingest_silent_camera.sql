-- A camera whose read rate fell far below its own baseline for that hour of the week while it
-- reports itself healthy (obstructed, misaligned, dirty lens), with the evidence.
ALTER TABLE camera_status ADD COLUMN silent boolean NOT NULL DEFAULT false;
ALTER TABLE camera_status ADD COLUMN silent_evidence text NOT NULL DEFAULT '';
