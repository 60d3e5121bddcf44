package rw.ijwi.ussd;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import rw.ijwi.commitments.Commitment;
import rw.ijwi.geo.Geography;
import rw.ijwi.gsm.Gsm7;

/** The lists USSD screens show: districts, the sectors of the chosen district, and its commitments. */
public final class UssdLists implements Lists {

    static final int COMMITMENT_LABEL_MAX = 70;

    private final Geography geography;
    private final Map<String, Localized> strings;
    private final Function<String, List<Commitment>> loader;
    /** The commitments loaded for this hop, by district name; the engine reads only these. */
    private final Map<String, List<Commitment>> commitments;

    public UssdLists(Geography geography, Map<String, Localized> strings,
            Function<String, List<Commitment>> commitmentsOfDistrict) {
        this(geography, Map.copyOf(strings), commitmentsOfDistrict, Map.of());
    }

    private UssdLists(Geography geography, Map<String, Localized> strings,
            Function<String, List<Commitment>> loader, Map<String, List<Commitment>> commitments) {
        this.geography = geography;
        this.strings = strings;
        this.loader = loader;
        this.commitments = commitments;
    }

    @Override
    public Set<String> loadedSources() {
        return Set.of("commitments");
    }

    /** Read fresh for each hop that may show them (a status change shows at once), once per district. */
    @Override
    public Lists loadedFor(java.util.Collection<Map<String, String>> answers) {
        Map<String, List<Commitment>> loaded = new java.util.HashMap<>();
        for (Map<String, String> a : answers) {
            geography.district(a.get("district")).ifPresent(d -> loaded.computeIfAbsent(d.name(), loader));
        }
        return new UssdLists(geography, strings, loader, Map.copyOf(loaded));
    }

    @Override
    public Set<String> sources() {
        return Set.of("districts", "sectors", "commitments");
    }

    @Override
    public List<Item> items(String source, Map<String, String> answers, String language) {
        return switch (source) {
            case "districts" -> geography.districts().stream().map(d -> new Item(d.name(), d.name())).toList();
            case "sectors" -> geography.district(answers.get("district"))
                    .map(d -> geography.sectors(d).stream().map(s -> new Item(s.name(), s.name())).toList())
                    .orElse(List.of());
            case "commitments" -> geography.district(answers.get("district"))
                    .map(d -> commitments.getOrDefault(d.name(), List.of()).stream().map(c -> commitmentItem(c, language)).toList())
                    .orElse(List.of());
            default -> throw new IllegalArgumentException("unknown list " + source);
        };
    }

    @Override
    public List<Map<String, String>> everyContext(String source) {
        return switch (source) {
            case "districts" -> List.of(Map.of());
            case "sectors" -> geography.districts().stream().map(d -> Map.of("district", d.name())).toList();
            default -> List.of();
        };
    }

    private Item commitmentItem(Commitment c, String language) {
        Localized status = strings.get("status_" + c.status());
        String label = Gsm7.normalise(c.actor() + ": " + c.promise());
        String suffix = status == null ? "" : " (" + status.in(language) + ")";
        int room = COMMITMENT_LABEL_MAX - suffix.length();
        if (label.length() > room) {
            label = label.substring(0, Math.max(0, room - 2)) + "..";
        }
        return new Item(String.valueOf(c.id()), label + suffix);
    }
}
