package rw.ijwi.commitments;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.web.Templates;

/** GET and POST /api/v1/commitments: the register as JSON; a bad body gets 400 with one reason per bad field. */
public final class CommitmentsApi {

    private static final Set<String> FIELDS = Set.of("district", "sector", "actor", "promise", "service", "gap",
            "dueDate", "status");

    private final CommitmentRegister register;
    private final ObjectMapper json = new ObjectMapper();

    public CommitmentsApi(CommitmentRegister register) {
        this.register = register;
    }

    /** GET /api/v1/commitments?district=&status= */
    public void list(Context ctx) {
        String district = CommitmentInput.blankToNull(ctx.queryParam("district"));
        if (district != null && register.geography().district(district).isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors",
                    List.of("district: unknown district '" + CommitmentInput.quote(district) + "'")));
            return;
        }
        String canonical = district == null ? null : register.geography().district(district).get().name();
        List<Map<String, Object>> rows = register.list(canonical, CommitmentInput.blankToNull(ctx.queryParam("status")))
                .stream().map(CommitmentsApi::view).toList();
        ctx.json(Map.of("commitments", rows));
    }

    /** POST /api/v1/commitments: 201 with the stored commitment and its id. */
    public void create(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", List.of("body: not valid JSON")));
            return;
        }
        if (body == null || !body.isObject()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", List.of("body: a JSON object is required")));
            return;
        }
        List<String> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = body.get(name);
            if (!FIELDS.contains(name)) {
                errors.add(CommitmentInput.quote(name) + ": unknown field");
            } else if (!value.isNull() && !value.isTextual()) {
                errors.add(name + ": must be a string or null");
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", errors));
            return;
        }
        CommitmentInput input = new CommitmentInput(text(body, "district"), text(body, "sector"), text(body, "actor"),
                text(body, "promise"), text(body, "service"), text(body, "gap"), text(body, "dueDate"),
                text(body, "status"));
        try {
            Commitment stored = register.create(Templates.user(ctx), input, ctx.ip());
            ctx.status(HttpStatus.CREATED).json(view(stored));
        } catch (CommitmentRegister.Invalid e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", e.errors()));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The JSON shape of a commitment: the same field names the POST takes, plus its id. */
    static Map<String, Object> view(Commitment c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("district", c.district());
        out.put("sector", c.sector());
        out.put("actor", c.actor());
        out.put("promise", c.promise());
        out.put("service", c.service());
        out.put("gap", c.gap());
        out.put("dueDate", c.dueDate() == null ? null : c.dueDate().toString());
        out.put("status", c.status());
        return out;
    }
}
