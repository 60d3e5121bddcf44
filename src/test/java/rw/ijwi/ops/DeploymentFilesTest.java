package rw.ijwi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Dockerfile, compose file and systemd unit, checked statically (there is no Docker engine in CI):
 * multi-stage, JRE only, non-root, health-checked, secrets from an env file, data on volumes.
 */
class DeploymentFilesTest {

    private final List<String> dockerfile = lines("docker/Dockerfile");

    @Test
    void the_image_is_built_in_one_stage_and_runs_on_a_jre_as_a_non_root_user() {
        List<String> from = dockerfile.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(from.size() - 1)).isEqualTo("FROM ${RUN_IMAGE}");
        assertThat(dockerfile).anyMatch(l -> l.startsWith("ARG RUN_IMAGE=") && l.contains("-jre")
                && !l.contains("jdk"));
        int user = indexOf("USER ");
        assertThat(user).isPositive();
        assertThat(dockerfile.get(user)).doesNotContain("root");
        assertThat(user).isLessThan(indexOf("ENTRYPOINT "));
        assertThat(dockerfile).anyMatch(l -> l.startsWith("COPY --from=build"));
        assertThat(dockerfile).noneMatch(l -> l.startsWith("ADD http"));
    }

    @Test
    void the_image_checks_its_health_with_a_bash_probe_of_health_not_a_second_jvm() {
        String joined = String.join("\n", dockerfile);
        assertThat(joined).contains("HEALTHCHECK").contains("CMD [\"/opt/ijwi/healthcheck.sh\"]")
                .contains("COPY docker/healthcheck.sh /opt/ijwi/healthcheck.sh");
        assertThat(joined).doesNotContain("\"java\", \"-jar\", \"/opt/ijwi/ijwi.jar\", \"health\"");
        assertThat(joined).contains("CMD [\"serve\"]");
    }

    @Test
    void the_health_probe_answers_0_for_a_healthy_server_and_1_for_a_closed_port() throws Exception {
        try (rw.ijwi.testing.TestApp app = new rw.ijwi.testing.TestApp()) {
            assertThat(probe(app.port())).isZero();
        }
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(probe(closed)).isEqualTo(1);
    }

    private static int probe(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "docker/healthcheck.sh").redirectErrorStream(true);
        builder.environment().put("IJWI_PORT", String.valueOf(port));
        builder.environment().put("IJWI_BIND", "0.0.0.0");
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    @Test
    void base_images_are_arguments_that_pin_images_sh_pins_by_digest() {
        assertThat(dockerfile).contains("FROM ${BUILD_IMAGE} AS build", "FROM ${RUN_IMAGE}");
        // Either pinned (tag@sha256:<64 hex>) or, until docker/pin-images.sh has run, the plain tag with the
        // comment saying why no digest was invented.
        for (String arg : List.of("BUILD_IMAGE", "RUN_IMAGE")) {
            String line = dockerfile.stream().filter(l -> l.startsWith("ARG " + arg + "=")).findFirst().orElseThrow();
            assertThat(line.matches("ARG " + arg + "=[a-z0-9.:-]+(@sha256:[0-9a-f]{64})?")).as(line).isTrue();
            if (!line.contains("@sha256:")) {
                assertThat(String.join("\n", dockerfile)).contains("docker/pin-images.sh")
                        .contains("would be an invention");
            }
        }
        assertThat(Path.of("docker/pin-images.sh")).exists();
    }

    @Test
    void every_path_the_dockerfile_copies_from_the_checkout_exists() {
        for (String line : dockerfile) {
            if (line.startsWith("COPY ") && !line.startsWith("COPY --from")) {
                String source = line.split("\\s+")[1];
                assertThat(Path.of(source)).as(line).exists();
            }
        }
    }

    @Test
    void compose_runs_ijwi_after_a_healthy_postgres_with_volumes_and_secrets_from_the_env_file() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker/compose.yaml").toFile());
        JsonNode ijwi = compose.at("/services/ijwi");
        JsonNode postgres = compose.at("/services/postgres");
        assertThat(ijwi.isMissingNode()).isFalse();
        assertThat(postgres.path("image").asText()).startsWith("postgres:17");
        assertThat(postgres.at("/healthcheck/test").toString()).contains("pg_isready");
        assertThat(ijwi.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(ijwi.at("/env_file/0").asText()).isEqualTo("ijwi.env");
        assertThat(ijwi.at("/environment/IJWI_DATABASE_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(ijwi.at("/environment/IJWI_DATABASE_PASSWORD").isMissingNode()).as("no password in Ijwi's "
                + "environment").isTrue();
        assertThat(ijwi.at("/environment/IJWI_DATABASE_PASSWORD_FILE").asText()).isEqualTo(
                "/run/secrets/postgres_password");
        assertThat(ijwi.at("/secrets/0").asText()).isEqualTo("postgres_password");
        assertThat(postgres.at("/secrets/0").asText()).isEqualTo("postgres_password");
        assertThat(compose.at("/secrets/postgres_password/file").asText()).isEqualTo("./postgres.password");
        assertThat(lines("docker/ijwi.env.example")).noneMatch(l -> l.startsWith("POSTGRES_PASSWORD="));
        assertThat(ijwi.at("/environment/IJWI_BIND").asText()).as("reachable inside the compose network")
                .isEqualTo("0.0.0.0");
        assertThat(postgres.at("/environment/POSTGRES_PASSWORD_FILE").asText()).isEqualTo(
                "/run/secrets/postgres_password");
        assertThat(ijwi.at("/ports/0").asText()).startsWith("127.0.0.1:");
        List<String> volumes = new ArrayList<>();
        compose.path("volumes").fieldNames().forEachRemaining(volumes::add);
        assertThat(volumes).contains("pgdata", "ijwidata");
        assertThat(Path.of("docker/ijwi.env.example")).exists();
        assertThat(lines(".gitignore")).contains("docker/ijwi.env", "docker/postgres.password");
    }

    @Test
    void the_systemd_unit_runs_serve_as_the_ijwi_user_with_a_private_data_dir() {
        List<String> unit = lines("docker/ijwi.service");
        assertThat(unit).contains("User=ijwi", "Restart=on-failure", "ReadWritePaths=/var/lib/ijwi");
        assertThat(unit).anyMatch(l -> l.startsWith("ExecStart=") && l.endsWith("ijwi.jar serve"));
    }

    @Test
    void a_nightly_timer_runs_the_backup_command_and_deletes_old_backups_only_after_a_good_one() {
        List<String> service = lines("docker/ijwi-backup.service");
        assertThat(service).contains("Type=oneshot", "User=ijwi", "Environment=IJWI_BACKUP_KEY_FILE=/etc/ijwi/backup.key");
        assertThat(service).anyMatch(l -> l.startsWith("ExecStart=") && l.contains("ijwi.jar backup /var/backups/ijwi/")
                || l.startsWith("ExecStart=") && l.contains("ijwi.jar backup \"/var/backups/ijwi/"));
        assertThat(service).anyMatch(l -> l.startsWith("ExecStartPost=") && l.contains("-mtime +${KEEP_DAYS} -delete"));
        assertThat(lines("docker/ijwi-backup.timer")).contains("OnCalendar=*-*-* 02:30:00", "Persistent=true");
    }

    @Test
    void the_compose_dump_runs_as_the_postgres_user_with_the_secret_and_is_renamed_only_when_complete() {
        String script = String.join("\n", lines("docker/backup.sh"));
        assertThat(script).contains("exec -T -u postgres postgres").contains("/run/secrets/postgres_password")
                .contains("umask 077").contains("> \"$tmp\"").contains("mv \"$tmp\" \"$file\"");
        assertThat(script.indexOf("mv \"$tmp\"")).isGreaterThan(script.indexOf("[ -s \"$tmp\" ]"));
    }

    @Test
    void the_build_context_leaves_out_the_data_dir_secrets_and_build_output() {
        assertThat(lines(".dockerignore")).contains(".git", "data/", "target/", "docker/ijwi.env",
                "docker/postgres.password");
    }

    private int indexOf(String prefix) {
        for (int i = dockerfile.size() - 1; i >= 0; i--) {
            if (dockerfile.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
