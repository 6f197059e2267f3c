package dev.blindfold.project;

/** What an annotator produces: free text, or one label from the project's label set. */
public enum TaskType {
    FREE_TEXT,
    CATEGORICAL
}
