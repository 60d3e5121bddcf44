package rw.ijwi.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;

/** Rwanda's 30 districts and 416 sectors, read once from the reference tables; immutable afterwards. */
public final class Geography {

    public record District(int id, String name) {
    }

    public record Sector(int id, int districtId, String name) {
    }

    private final List<District> districts;
    private final Map<String, District> districtsByName;
    private final Map<Integer, List<Sector>> sectorsByDistrict;

    public Geography(List<District> districts, List<Sector> sectors) {
        this.districts = List.copyOf(districts);
        Map<String, District> byName = new LinkedHashMap<>();
        districts.forEach(d -> byName.put(d.name().toLowerCase(java.util.Locale.ROOT), d));
        this.districtsByName = Map.copyOf(byName);
        Map<Integer, List<Sector>> grouped = new LinkedHashMap<>();
        sectors.forEach(s -> grouped.computeIfAbsent(s.districtId(), k -> new java.util.ArrayList<>()).add(s));
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.sectorsByDistrict = Map.copyOf(grouped);
    }

    public static Geography load(Jdbi jdbi) {
        return jdbi.withHandle(h -> new Geography(
                h.createQuery("SELECT id, name FROM district ORDER BY name")
                        .map((rs, ctx) -> new District(rs.getInt("id"), rs.getString("name"))).list(),
                h.createQuery("SELECT id, district_id, name FROM sector ORDER BY name")
                        .map((rs, ctx) -> new Sector(rs.getInt("id"), rs.getInt("district_id"), rs.getString("name")))
                        .list()));
    }

    /**
     * The same units from the CSV packaged beside the migrations, for work that needs no database (menus check).
     * Ids follow the migration's rule (alphabetical position), but only the database's ids are ever stored.
     */
    public static Geography fromPackagedCsv() {
        try (var in = Geography.class.getClassLoader().getResourceAsStream("db/migration/rwanda-sectors.csv")) {
            if (in == null) {
                throw new IllegalStateException("db/migration/rwanda-sectors.csv is missing from the classpath");
            }
            var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)).getRecords();
            List<String> districtNames = records.stream().map(r -> r.get("district")).distinct().sorted().toList();
            List<District> districts = new java.util.ArrayList<>();
            for (int i = 0; i < districtNames.size(); i++) {
                districts.add(new District(i + 1, districtNames.get(i)));
            }
            List<Sector> sectors = new java.util.ArrayList<>();
            var sorted = records.stream().sorted(java.util.Comparator.comparing((CSVRecord r) -> r.get("district"))
                    .thenComparing(r -> r.get("sector"))).toList();
            for (int i = 0; i < sorted.size(); i++) {
                sectors.add(new Sector(i + 1, districtNames.indexOf(sorted.get(i).get("district")) + 1,
                        sorted.get(i).get("sector")));
            }
            sectors.sort(java.util.Comparator.comparing(Sector::name));
            return new Geography(districts, sectors);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the packaged rwanda-sectors.csv", e);
        }
    }

    public List<District> districts() {
        return districts;
    }

    public Optional<District> district(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(districtsByName.get(name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    public List<Sector> sectors(District district) {
        return sectorsByDistrict.getOrDefault(district.id(), List.of());
    }

    public Optional<Sector> sector(District district, String name) {
        return sectors(district).stream().filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public int sectorCount() {
        return sectorsByDistrict.values().stream().mapToInt(List::size).sum();
    }
}
