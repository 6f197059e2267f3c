package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A model's candidate output for an item. Hidden from an annotator until their blind commit. */
@Entity
@Table(name = "drafts")
public class Draft extends PanacheEntity {

    @Column(name = "item_id", nullable = false)
    public long itemId;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String text;

    public static List<Draft> forItem(long itemId) {
        return list("itemId = ?1 order by id", itemId);
    }
}
