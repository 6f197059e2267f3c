package dev.blindfold.golditems;

import java.util.List;

/**
 * The "Gold accuracy" part of the anchoring report's quality section: the project's gold items and, per annotator,
 * their accuracy on them, blind and final, with Wilson intervals; whether seeing the drafts made each annotator more
 * or less often right on the controls ({@link GoldAccuracy.Row#change}).
 */
public record GoldQuality(long goldItems, List<GoldAccuracy.Row> annotators) {
}
