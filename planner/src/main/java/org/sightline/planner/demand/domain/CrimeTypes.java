package org.sightline.planner.demand.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The crime categories data.police.uk publishes, and the ones the partnership prioritises. */
public final class CrimeTypes {

    /** Every category data.police.uk uses for street-level crime (current names). */
    public static final List<String> ALL = List.of(
            "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
            "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
            "Theft from the person", "Vehicle crime", "Violence and sexual offences");

    /** The partnership's priority categories: the default demand of a plan. */
    public static final List<String> PRIORITIES = List.of(
            "Anti-social behaviour", "Vehicle crime", "Criminal damage and arson", "Burglary", "Robbery", "Drugs",
            "Possession of weapons", "Violence and sexual offences");

    private CrimeTypes() {
    }

    /**
     * The published category named by {@code text}, ignoring case and surrounding blanks; the short
     * names "ASB" and "violence" are understood too. Empty when the text names no category.
     */
    public static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("asb")) {
            return Optional.of("Anti-social behaviour");
        }
        if (t.equals("violence")) {
            return Optional.of("Violence and sexual offences");
        }
        return ALL.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }

    /**
     * As {@link #find(String)} but refuses unknown text.
     *
     * @throws IllegalArgumentException naming the text and the accepted categories
     */
    public static String require(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown crime type '" + text + "'; data.police.uk types are: " + String.join(", ", ALL)));
    }

    /** A short plural label for explanations, e.g. "vehicle crimes", "ASB reports". */
    public static String pluralLabel(String category) {
        return switch (category) {
            case "Anti-social behaviour" -> "ASB reports";
            case "Vehicle crime" -> "vehicle crimes";
            case "Criminal damage and arson" -> "criminal damage/arson offences";
            case "Burglary" -> "burglaries";
            case "Robbery" -> "robberies";
            case "Drugs" -> "drugs offences";
            case "Possession of weapons" -> "weapons possession offences";
            case "Violence and sexual offences" -> "violent/sexual offences";
            case "Public order" -> "public order offences";
            case "Shoplifting" -> "shoplifting offences";
            case "Bicycle theft" -> "bicycle thefts";
            case "Theft from the person" -> "thefts from the person";
            case "Other theft" -> "other thefts";
            default -> "other crimes";
        };
    }
}
