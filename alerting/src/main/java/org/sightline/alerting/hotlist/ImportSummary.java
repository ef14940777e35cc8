package org.sightline.alerting.hotlist;

import java.util.UUID;

/**
 * The totals of a streamed hotlist import.
 *
 * @param importId the id its entries carry (and running services are told of)
 * @param lines lines read after the header
 * @param imported lines accepted (stored unless a dry run)
 * @param refused lines refused
 * @param dryRun true when nothing was to be stored
 * @param stored true when the accepted lines were committed
 */
public record ImportSummary(UUID importId, long lines, long imported, long refused, boolean dryRun, boolean stored) {
}
