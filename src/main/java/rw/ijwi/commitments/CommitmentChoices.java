package rw.ijwi.commitments;

import java.util.List;
import java.util.Map;

/** The options of the commitment form: the districts a user may record for, each with its sectors, and the codes. */
public record CommitmentChoices(Map<String, List<String>> sectorsByDistrict, List<String> services, List<String> gaps,
        List<String> statuses) {
}
