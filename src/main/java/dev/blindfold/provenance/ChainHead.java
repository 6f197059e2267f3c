package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The last position and hash of one chain (one per project and actor); locked while appending. */
@Entity
@Table(name = "chain_heads")
class ChainHead {

    @Embeddable
    static class Key implements Serializable {
        @Column(name = "project_id")
        long projectId;
        @Column(name = "actor_id")
        long actorId;

        protected Key() {
        }

        Key(long projectId, long actorId) {
            this.projectId = projectId;
            this.actorId = actorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.projectId == projectId && k.actorId == actorId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, actorId);
        }
    }

    @EmbeddedId
    Key key;

    @Column(nullable = false)
    long seq;

    @Column(nullable = false)
    String hash;

    protected ChainHead() {
    }

    ChainHead(Key key) {
        this.key = key;
        this.seq = 0;
        this.hash = EventChain.GENESIS;
    }
}
