package rw.ijwi.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import rw.ijwi.testing.TestDatabase;

/** The reference tables hold Rwanda's 5 provinces, 30 districts and 416 sectors, as the packaged CSV does. */
class GeographyTest {

    private final TestDatabase database = TestDatabase.fresh();

    @Test
    void the_migration_loads_every_unit_of_the_2006_reform() {
        assertThat(database.count("SELECT count(*) FROM province")).isEqualTo(5);
        assertThat(database.count("SELECT count(*) FROM district")).isEqualTo(30);
        assertThat(database.count("SELECT count(*) FROM sector")).isEqualTo(416);
        assertThat(database.count("SELECT count(*) FROM sector s JOIN district d ON d.id = s.district_id "
                + "WHERE d.name = 'Rusizi'")).isEqualTo(18);
    }

    @Test
    void the_database_and_the_packaged_csv_agree_on_every_id() {
        Geography fromDatabase = Geography.load(database.jdbi());
        Geography fromCsv = Geography.fromPackagedCsv();
        assertThat(fromDatabase.districts()).isEqualTo(fromCsv.districts());
        for (Geography.District district : fromDatabase.districts()) {
            assertThat(fromDatabase.sectors(district)).isEqualTo(fromCsv.sectors(district));
        }
        assertThat(fromDatabase.sectorCount()).isEqualTo(416);
    }

    @Test
    void districts_and_sectors_are_found_by_name_whatever_the_case() {
        Geography geography = Geography.fromPackagedCsv();
        Geography.District rusizi = geography.district(" rusizi ").orElseThrow();
        assertThat(rusizi.name()).isEqualTo("Rusizi");
        assertThat(geography.sector(rusizi, "BUGARAMA")).isPresent();
        assertThat(geography.sector(rusizi, "Kimironko")).isEmpty();
        assertThat(geography.district("Atlantis")).isEmpty();
    }
}
