package dev.threeam.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.runbook.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rolls back a flagd flag by editing the flag file flagd watches (flagd has no write API): sets the flag's
 * {@code defaultVariant} to the runbook's variant and drops its {@code targeting}, so every evaluation gets that
 * variant. ({@code state: DISABLED} would make the flag vanish, which is not "off".) Runbook block:
 * {@code {file: flags/flags.json, flag: support.model-route, variant: previous}}, a relative file resolved against
 * the runbooks folder. The rest of the file keeps its content and field order; the write is atomic.
 */
public final class FlagdFlagProvider implements FlagProvider {

    /** {@code "key": value}, two-space indent: how flag files are usually written by hand. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private final Path baseDir;

    /** @param baseDir where relative {@code file} settings resolve: the runbooks folder */
    public FlagdFlagProvider(Path baseDir) {
        this.baseDir = baseDir;
    }

    @Override
    public String name() {
        return "flagd";
    }

    @Override
    public String describe(Runbook.Rollback rollback) {
        try {
            RollbackSettings settings = new RollbackSettings(rollback);
            return FlagProviders.fit("flagd: serve variant \"" + settings.required("variant") + "\" of "
                    + settings.required("flag") + " to everyone (targeting removed) in " + settings.required("file"));
        } catch (BadInputException e) {
            return FlagProviders.fit("flagd: cannot run: " + e.getMessage());
        }
    }

    /** Synchronized: two rollbacks on one file must not interleave their read-modify-write. */
    @Override
    public synchronized RollbackResult apply(Runbook.Rollback rollback) {
        Optional<String> unresolved = UnresolvedReference.in(rollback.settings());
        if (unresolved.isPresent()) {
            return RollbackResult.failed(UnresolvedReference.notCalled(unresolved.get()));
        }
        try {
            RollbackSettings settings = new RollbackSettings(rollback);
            Path file = resolve(settings.required("file"));
            String flag = settings.required("flag");
            String variant = settings.required("variant");
            ObjectNode document = read(file);
            ObjectNode flagNode = flag(document, flag, file);
            JsonNode variants = flagNode.path("variants");
            if (!variants.has(variant)) {
                return RollbackResult.failed("flagd: flag " + flag + " in " + file + " has no variant \"" + variant
                        + "\" (variants: " + variants + ")");
            }
            flagNode.put("defaultVariant", variant);
            boolean hadTargeting = flagNode.remove("targeting") != null;
            AtomicFiles.write(file, Json.mapper().writer(PRETTY).writeValueAsString(document) + "\n");
            return RollbackResult.done("flagd: " + flag + " now serves \"" + variant + "\" to everyone"
                    + (hadTargeting ? " (targeting removed)" : "") + " in " + file);
        } catch (BadInputException e) {
            return RollbackResult.failed(e.getMessage());
        } catch (NoSuchFileException e) {
            return RollbackResult.failed("flagd: flag file " + e.getFile() + " does not exist");
        } catch (IOException e) {
            return RollbackResult.failed("flagd: could not update the flag file: " + e.getMessage());
        }
    }

    private Path resolve(String file) {
        Path path = Path.of(file);
        return (path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path)).normalize();
    }

    /** Reads exactly: floats as written (no 1.10 → 1.1), objects in file order. */
    private static ObjectNode read(Path file) throws IOException {
        JsonNode document;
        try {
            document = Json.mapper().reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true))
                    .readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new BadInputException("flagd: " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(document instanceof ObjectNode object)) {
            throw new BadInputException("flagd: " + file + ": expected a JSON object");
        }
        return object;
    }

    private static ObjectNode flag(ObjectNode document, String flag, Path file) {
        JsonNode node = document.path("flags").path(flag);
        if (!(node instanceof ObjectNode flagNode)) {
            throw new BadInputException("flagd: no flag " + flag + " in " + file);
        }
        return flagNode;
    }
}
