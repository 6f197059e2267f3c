package dev.blindfold.export;

import dev.blindfold.web.ProblemException;

/** The formats an export can take, as named in {@code format=}. */
public enum ExportFormat {
    JSONL("jsonl", "application/x-ndjson", "jsonl", false),
    CSV("csv", "text/csv", "csv", false),
    /** Hugging Face TRL: {prompt, completion} from blind answers, or {prompt, chosen, rejected} for PAIRWISE. */
    TRL("trl", "application/x-ndjson", "jsonl", false),
    /** OpenAI Evals samples: one per item, its blind references as the ideal answers. */
    OPENAI_EVALS("openai-evals", "application/x-ndjson", "jsonl", true),
    /** Label Studio's JSON export: one task per item with its labels as annotations. */
    LABEL_STUDIO("label-studio", "application/json", "json", true);

    private final String wireName;
    private final String mediaType;
    private final String extension;
    private final boolean perItem;

    ExportFormat(String wireName, String mediaType, String extension, boolean perItem) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.extension = extension;
        this.perItem = perItem;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether rows are items (built from their kept labels) rather than labels. */
    public boolean perItem() {
        return perItem;
    }

    public static ExportFormat parse(String value) {
        for (ExportFormat f : values()) {
            if (f.wireName.equals(value)) {
                return f;
            }
        }
        throw ProblemException.badRequest("invalid-format",
                "format must be one of jsonl, csv, trl, openai-evals, label-studio.");
    }
}
