package rw.ijwi.ussd;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

/**
 * Turns what Jackson would throw on into a problem and binds the value as absent, so one reading of a file
 * reports every unknown key and wrong type, each with its path inside the screen (e.g. input.max).
 */
final class ShapeProblems extends DeserializationProblemHandler {
    private final String file;
    private final String screen;
    private final List<Problem> problems;

    ShapeProblems(String file, String screen, List<Problem> problems) {
        this.file = file;
        this.screen = screen;
        this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList();
        problems.add(new Problem(file, screen, null, "unknown key '" + propertyName + "' (expected one of "
                + String.join(", ", known) + ")"));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
            String failureMsg) throws IOException {
        String got = t == JsonToken.START_OBJECT ? "a mapping" : t == JsonToken.START_ARRAY ? "a list"
                : "'" + p.getText() + "'";
        return absent(p, expected(targetType), got);
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
            String failureMsg) throws IOException {
        return absent(ctxt.getParser(), expected(ctxt.constructType(targetType)), "'" + valueToConvert + "'");
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
            String failureMsg) throws IOException {
        return absent(ctxt.getParser(), expected(ctxt.constructType(targetType)), "'" + valueToConvert + "'");
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
            ValueInstantiator valueInsts, JsonParser p, String msg) throws IOException {
        return absent(p, "a mapping", p.currentToken() == JsonToken.START_ARRAY ? "a list" : "'" + p.getText() + "'");
    }

    private Object absent(JsonParser p, String expected, String got) throws IOException {
        // On the opening of a list or mapping the parser already stands in that list's or mapping's context.
        JsonStreamContext context = p.currentToken() == JsonToken.START_ARRAY
                || p.currentToken() == JsonToken.START_OBJECT ? p.getParsingContext().getParent() : p.getParsingContext();
        String path = path(context);
        problems.add(new Problem(file, screen, null, (path.isEmpty() ? "" : path + ": ") + "expected " + expected
                + ", got " + got));
        p.skipChildren();
        return null;
    }

    private static String path(JsonStreamContext context) {
        String path = "";
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path = "[" + (c.getCurrentIndex() + 1) + "]" + path;
            } else if (c.getCurrentName() != null) {
                path = "." + c.getCurrentName() + path;
            }
        }
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String expected(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        Class<?> raw = type.getRawClass();
        if (raw == Integer.class || raw == int.class) {
            return "a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        return raw == String.class ? "a text" : "a mapping";
    }
}
