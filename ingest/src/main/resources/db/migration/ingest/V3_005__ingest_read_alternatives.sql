-- The other readings a unit's OCR considered for a read (its candidates), in the order reported:
-- [{"plate": "AB12CDF", "confidence": 0.41}, …], at most 8. Kept as evidence and for matching
-- a listed vehicle whose best reading was wrong. A constant default adds the column without
-- rewriting the existing partitions.
ALTER TABLE plate_read ADD COLUMN alternatives jsonb NOT NULL DEFAULT '[]'::jsonb;
