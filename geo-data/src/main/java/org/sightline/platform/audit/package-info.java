/**
 * The audit trail shared by every module: an append-only, hash-chained table in PostgreSQL that
 * the database itself refuses to update or delete. Modules call {@link org.sightline.platform.audit.AuditLog}.
 */
package org.sightline.platform.audit;
