package dev.blindfold.agreement;

import java.util.function.Consumer;

/**
 * A project's gold, one {@link GoldRow} per item in import order, ready to be walked: its checks (and any Dawid–Skene
 * fit) are done, and each walk reads the answers afresh, an item at a time.
 */
@FunctionalInterface
public interface Gold {

    void forEach(Consumer<GoldRow> sink);
}
