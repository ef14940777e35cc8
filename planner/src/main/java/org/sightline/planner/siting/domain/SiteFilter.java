package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sightline.geo.site.domain.SiteConstraint;

/**
 * Which surveyed candidate sites a plan may use, by the facts of their survey: every
 * {@code required} constraint must be recorded for the site (e.g. pole and power available) and no
 * {@code excluded} one (e.g. conservation area). A surveyed site without a fact recorded is taken
 * not to have it: the survey is the only source. A constraint cannot be both required and excluded.
 * Generated sites (map points, road junctions) carry no survey facts; the filter does not judge
 * them (see {@code PlanRunner}).
 */
public record SiteFilter(Set<SiteConstraint> required, Set<SiteConstraint> excluded) {

    /** The filter that keeps every site. */
    public static final SiteFilter NONE = new SiteFilter(Set.of(), Set.of());

    public SiteFilter {
        required = required == null || required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
        excluded = excluded == null || excluded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(excluded));
        List<String> both = required.stream().filter(excluded::contains).map(Enum::name).sorted().toList();
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a site constraint cannot be both required and excluded: "
                    + String.join(", ", both));
        }
    }

    /**
     * The filter named by the texts ("POWER_AVAILABLE", "power", "conservation-area"); blank
     * entries are ignored.
     *
     * @throws IllegalArgumentException naming an unknown constraint and listing the valid names
     */
    public static SiteFilter parse(Collection<String> required, Collection<String> excluded) {
        return new SiteFilter(names(required, "required"), names(excluded, "excluded"));
    }

    private static Set<SiteConstraint> names(Collection<String> texts, String role) {
        Set<SiteConstraint> out = EnumSet.noneOf(SiteConstraint.class);
        if (texts == null) {
            return out;
        }
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                continue;
            }
            out.add(SiteConstraint.find(t).orElseThrow(() -> new IllegalArgumentException("unknown " + role
                    + " site constraint '" + t.strip() + "': valid are " + validNames())));
        }
        return out;
    }

    /** "POLE_AVAILABLE, POWER_AVAILABLE, …", every constraint a site can carry. */
    public static String validNames() {
        return Arrays.stream(SiteConstraint.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** True when the filter keeps every site. */
    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /**
     * Why a site with these recorded constraints is dropped ("no power", "in a conservation area"),
     * or empty when it is kept. Checks run in the constraints' declared order, required ones first,
     * so each dropped site has exactly one reason.
     */
    public Optional<String> rejects(Set<SiteConstraint> recorded) {
        for (SiteConstraint c : SiteConstraint.values()) {
            if (required.contains(c) && !recorded.contains(c)) {
                return Optional.of(missing(c));
            }
        }
        for (SiteConstraint c : SiteConstraint.values()) {
            if (excluded.contains(c) && recorded.contains(c)) {
                return Optional.of(present(c));
            }
        }
        return Optional.empty();
    }

    /** "with pole and power; not needing permission, not in a conservation area", or "" for no filter. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        List<String> need = ordered(required).stream().map(SiteFilter::fact).toList();
        if (!need.isEmpty()) {
            parts.add("with " + and(need));
        }
        List<String> not = ordered(excluded).stream().map(SiteFilter::avoided).toList();
        if (!not.isEmpty()) {
            parts.add(String.join(", ", not));
        }
        return String.join("; ", parts);
    }

    private static List<SiteConstraint> ordered(Set<SiteConstraint> set) {
        return set.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(set));
    }

    private static String and(List<String> words) {
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** How a kept site stands to an excluded {@code c}: "not in a conservation area". */
    private static String avoided(SiteConstraint c) {
        return switch (c) {
            case POLE_AVAILABLE -> "without a pole";
            case POWER_AVAILABLE -> "without power";
            case NETWORK_AVAILABLE -> "without network";
            case NEEDS_NEW_POLE -> "not needing a new pole";
            case NEEDS_PERMISSION -> "not needing permission";
            case CONSERVATION_AREA -> "not in a conservation area";
        };
    }

    /** What a site that has {@code c} has: "pole", "power", "a new pole to be put up". */
    private static String fact(SiteConstraint c) {
        return switch (c) {
            case POLE_AVAILABLE -> "pole";
            case POWER_AVAILABLE -> "power";
            case NETWORK_AVAILABLE -> "network";
            case NEEDS_NEW_POLE -> "a new pole needed";
            case NEEDS_PERMISSION -> "permission needed";
            case CONSERVATION_AREA -> "conservation area";
        };
    }

    /** Why a site lacking a required {@code c} is dropped. */
    private static String missing(SiteConstraint c) {
        return switch (c) {
            case POLE_AVAILABLE -> "no pole";
            case POWER_AVAILABLE -> "no power";
            case NETWORK_AVAILABLE -> "no network";
            case NEEDS_NEW_POLE -> "no new pole needed";
            case NEEDS_PERMISSION -> "no permission needed";
            case CONSERVATION_AREA -> "not in a conservation area";
        };
    }

    /** Why a site having an excluded {@code c} is dropped. */
    private static String present(SiteConstraint c) {
        return switch (c) {
            case POLE_AVAILABLE -> "pole available";
            case POWER_AVAILABLE -> "power available";
            case NETWORK_AVAILABLE -> "network available";
            case NEEDS_NEW_POLE -> "needs a new pole";
            case NEEDS_PERMISSION -> "needs permission";
            case CONSERVATION_AREA -> "in a conservation area";
        };
    }

    /** A label for forms and lists: "pole available", "needs a new pole", "in a conservation area". */
    public static String label(SiteConstraint c) {
        return present(c);
    }
}
