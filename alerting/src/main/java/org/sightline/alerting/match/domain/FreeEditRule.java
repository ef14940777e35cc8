package org.sightline.alerting.match.domain;

/** When the matcher may spend its free edit. */
public enum FreeEditRule {
    /**
     * Only where the UK plate grammar says the reading is wrong: a character that cannot stand at
     * its position in the listed plate's format (a letter among the digits, an I in a current
     * plate), or a missing or extra character in a reading that is not a well-formed UK plate.
     * A reading is bent only where the grammar forces it, even within a confusion class: a
     * well-formed AB12COE does not match a listed AB12CDE, AB1OCDE matches AB10CDE, and AB1ZCOE
     * (one proven error, the Z) matches AB12COE but not AB12CDE. This keeps false alerts rare with
     * large lists; the unit's alternative readings recover the ambiguous cases.
     */
    GRAMMAR,
    /** Any single substitution, missing or extra character (many more false alerts with large lists). */
    ANY
}
