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
 * the runbooks folder. The rest of the file keeps its content and field order; the write is atomic. In sandbox mode
 * ({@link #editingCopiesIn}) the rollback edits a copy of the file in another folder, made from the original on first
 * use, and the runbooks folder's file is never written.
 */
public final class FlagdFlagProvider implements FlagProvider {

    /** {@code "key": value}, two-space indent: how flag files are usually written by hand. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private final Path baseDir;
    private final Path copies;

    /** @param baseDir where relative {@code file} settings resolve: the runbooks folder */
    public FlagdFlagProvider(Path baseDir) {
        this(baseDir, null);
    }

    private FlagdFlagProvider(Path baseDir, Path copies) {
        this.baseDir = baseDir;
        this.copies = copies;
    }

    /** The same provider writing to copies under {@code folder} (same path below it as below the runbooks folder). */
    FlagdFlagProvider editingCopiesIn(Path folder) {
        return new FlagdFlagProvider(baseDir, folder);
    }

    @Override
    public String name() {
        return "flagd";
    }

    @Override
    public String describe(Runbook.Rollback rollback) {
        try {
            RollbackSettings settings = new RollbackSettings(rollback);
            String file = settings.required("file");
            String where = copies == null ? file : copyOf(resolve(file)) + ", a copy (the runbooks' " + file + " stays as it is)";
            return FlagProviders.fit((copies == null ? "flagd" : "flagd (sandbox copy)") + ": serve variant \""
                    + settings.required("variant") + "\" of " + settings.required("flag") + " to everyone (targeting removed) in " + where);
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
            Path original = resolve(settings.required("file"));
            Path file = copies == null ? original : copied(original);
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
            return RollbackResult.done((copies == null ? "flagd: " : "flagd (sandbox copy): ") + flag + " now serves \"" + variant
                    + "\" to everyone" + (hadTargeting ? " (targeting removed)" : "") + " in " + file
                    + (copies == null ? "" : "; " + original + " is unchanged"));
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

    /** The copy of {@code original} that sandbox mode edits, made from the original when it does not exist yet. */
    private Path copied(Path original) throws IOException {
        Path copy = copyOf(original);
        if (!Files.exists(copy)) {
            if (copy.getParent() != null) {
                Files.createDirectories(copy.getParent());
            }
            Files.copy(original, copy);
        }
        return copy;
    }

    /** Below {@link #copies}, at the original's path below the runbooks folder, or by its name when it lies outside. */
    private Path copyOf(Path original) {
        Path name = original.getFileName();
        if (baseDir != null) {
            try {
                Path below = baseDir.toAbsolutePath().normalize().relativize(original.toAbsolutePath().normalize());
                if (!below.startsWith("..") && !below.isAbsolute()) {
                    name = below;
                }
            } catch (IllegalArgumentException e) {
                // another root (a Windows drive): keep the name
            }
        }
        return copies.resolve(name).normalize();
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
